export default definePageConfig({ navigationBarTitleText: '最小应用' })
