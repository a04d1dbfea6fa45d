export default definePageConfig({
  navigationBarTitleText: '选择预约日期',
})
