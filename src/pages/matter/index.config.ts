export default definePageConfig({
  navigationBarTitleText: '事项详情',
})
