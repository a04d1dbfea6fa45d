export default definePageConfig({
  navigationBarTitleText: '政务服务中心',
})
