// The framework floor for tests/bench/sizes.bench.ts: one empty Taro React page, built with the
// app's own config (MINIMAL_APP=1 switches sourceRoot here and outputRoot to dist/minimal-weapp).
export default defineAppConfig({
  pages: ['pages/index/index'],
  window: { navigationBarTitleText: '最小应用' },
  lazyCodeLoading: 'requiredComponents',
})
