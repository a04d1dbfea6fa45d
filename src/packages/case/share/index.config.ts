export default definePageConfig({
  navigationBarTitleText: '分享给家人查看',
  // The share card is this page's onShareAppMessage (the 发给家人 button is an open-type="share" button).
  enableShareAppMessage: true,
})
