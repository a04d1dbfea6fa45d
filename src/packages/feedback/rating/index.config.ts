export default definePageConfig({
  navigationBarTitleText: '评价详情',
})
