export default definePageConfig({
  navigationBarTitleText: '红黄灯办件',
})
