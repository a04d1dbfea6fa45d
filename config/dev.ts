import type { UserConfigExport } from '@tarojs/cli'

export default {
  logger: { quiet: false, stats: true },
  mini: {},
  // react-refresh is not installed: hot reload off keeps `taro build --watch` working.
  h5: { devServer: { hot: false } },
} satisfies UserConfigExport<'webpack5'>
