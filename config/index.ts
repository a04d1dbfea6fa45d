import { readFileSync } from 'node:fs'
import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import devConfig from './dev'
import prodConfig from './prod'

const root = path.resolve(__dirname, '..')

/**
 * deploy.config.json is the one documented place for the AppID and the cloud environment id;
 * the cloud env reaches the app as the compile-time constant CLOUD_ENV (declared in src/env.d.ts).
 */
function readDeployConfig(): { appid: string; cloudEnv: string } {
  const raw = JSON.parse(readFileSync(path.join(root, 'deploy.config.json'), 'utf8'))
  return { appid: String(raw.appid ?? 'touristappid'), cloudEnv: String(raw.cloudEnv ?? '') }
}

// MINIMAL_APP=1 builds a one-page Taro React app with this same config: the framework's size floor
// that tests/bench/sizes.bench.ts compares the real main package against.
const minimal = process.env.MINIMAL_APP === '1'
const platform = process.env.TARO_ENV ?? 'weapp'

// The shared schemas in ../types are TypeScript outside sourceRoot: Taro runs babel only on
// sourceRoot (and node_modules/*taro*) unless `compile.include` names more.
const sharedSources = [path.join(root, 'types')]

export default defineConfig<'webpack5'>(async (merge) => {
  const deploy = readDeployConfig()
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'zhengwu-miniprogram',
    date: '2026-11-25',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: minimal ? 'tests/bench/minimal-app' : 'src',
    // H5_OUT: another folder for the h5 build, so two builds on one machine do not overwrite each other.
    outputRoot: minimal ? 'dist/minimal-weapp' : platform === 'h5' ? (process.env.H5_OUT ?? 'dist/h5') : `dist/${platform}`,
    plugins: [],
    defineConstants: {
      CLOUD_ENV: JSON.stringify(deploy.cloudEnv),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: false },
    mini: {
      compile: { include: sharedSources },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
      // Modules used only by subpackages move into those subpackages, keeping the main package small.
      optimizeMainPackage: { enable: true },
      // Every component styles its own BEM block, so the order of their stylesheets in a shared
      // chunk does not matter; without this, pages importing components in different orders make
      // mini-css-extract-plugin warn ("Conflicting order") on every build.
      miniCssExtractPluginOption: { ignoreOrder: true },
    },
    h5: {
      compile: { include: sharedSources },
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
      },
      webpackChain(chain) {
        // Taro splits only initial chunks on h5, so every lazily loaded page carried its own copy
        // of zod, the schemas and the shared components. Share them between the page chunks.
        const split = chain.optimization.get('splitChunks')
        if (split && typeof split === 'object') {
          chain.optimization.splitChunks({
            ...split,
            cacheGroups: {
              ...split.cacheGroups,
              asyncShared: { chunks: 'async', minChunks: 2, priority: 5, reuseExistingChunk: true },
            },
          })
        }
      },
    },
  }
  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig)
  return merge({}, baseConfig, prodConfig)
})
