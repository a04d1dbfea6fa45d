export default definePageConfig({
  navigationBarTitleText: '家人办件进度',
})
