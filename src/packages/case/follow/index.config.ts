export default definePageConfig({
  navigationBarTitleText: '关注家人办件',
})
