export default definePageConfig({
  navigationBarTitleText: '考勤与考核',
})
