export default definePageConfig({
  navigationBarTitleText: '部门与事项',
})
