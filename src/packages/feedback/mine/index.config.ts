export default definePageConfig({
  navigationBarTitleText: '我的评价与投诉',
})
