export default definePageConfig({
  navigationBarTitleText: '我的上门与帮办',
})
