export default definePageConfig({
  navigationBarTitleText: '我的信息与材料',
})
