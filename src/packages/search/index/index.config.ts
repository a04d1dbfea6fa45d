export default definePageConfig({
  navigationBarTitleText: '事项查询',
})
