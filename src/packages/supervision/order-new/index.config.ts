export default definePageConfig({
  navigationBarTitleText: '发出督办',
})
