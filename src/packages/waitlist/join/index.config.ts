export default definePageConfig({
  navigationBarTitleText: '加入候补',
})
