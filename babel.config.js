// babel-preset-taro: https://docs.taro.zone/docs/babel-config
module.exports = {
  presets: [
    [
      'taro',
      {
        framework: 'react',
        ts: true,
        compiler: 'webpack5',
        // react-refresh is not a dependency; production builds never use it anyway.
        hot: false,
      },
    ],
  ],
  // Keeps zod tree-shakable across Taro's chunks; see the file for why.
  plugins: ['./config/babel/zod-namespace-calls.js'],
}
