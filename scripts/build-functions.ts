/**
 * Bundles each cloud function (cloudfunctions/<name>/index.ts) with everything it imports (types/,
 * the _kit, the shared _bookings code) into its own deployable folder dist/cloudfunctions/<name>/
 * (index.js, package.json, config.json). WeChat deploys a function's folder alone, so shared code
 * must be inside it; wx-server-sdk stays external because the cloud installs it from the folder's
 * package.json. Folders whose name starts with `_` hold shared code and are no functions.
 */
import { build } from 'esbuild'
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

const root = resolve(__dirname, '..')
const srcDir = join(root, 'cloudfunctions')
export const functionsOutDir = join(root, 'dist', 'cloudfunctions')
const sdkVersion: string = JSON.parse(readFileSync(join(root, 'node_modules', 'wx-server-sdk', 'package.json'), 'utf8')).version

export const functionNames = (): string[] =>
  readdirSync(srcDir).filter(
    (n) => !n.startsWith('_') && statSync(join(srcDir, n)).isDirectory() && existsSync(join(srcDir, n, 'index.ts')),
  )

export async function buildFunctions(names = functionNames(), from = srcDir, to = functionsOutDir): Promise<void> {
  await Promise.all(
    names.map(async (name) => {
      const out = join(to, name)
      rmSync(out, { recursive: true, force: true })
      mkdirSync(out, { recursive: true })
      await build({
        entryPoints: [join(from, name, 'index.ts')],
        outfile: join(out, 'index.js'),
        bundle: true,
        platform: 'node',
        // The cloud's current Node runtime for wx-server-sdk functions is Node 16.
        target: 'node16',
        format: 'cjs',
        external: ['wx-server-sdk'],
        minify: true,
        keepNames: true,
        legalComments: 'none',
        logLevel: 'warning',
      })
      writeFileSync(
        join(out, 'package.json'),
        JSON.stringify(
          { name, version: '1.0.0', private: true, main: 'index.js', dependencies: { 'wx-server-sdk': sdkVersion } },
          null,
          2,
        ) + '\n',
      )
      cpSync(join(from, name, 'config.json'), join(out, 'config.json'))
    }),
  )
}

if (require.main === module) {
  const t0 = Date.now()
  buildFunctions()
    .then(() => console.log(`云函数已打包: ${functionNames().join(', ')} → dist/cloudfunctions (${Date.now() - t0} ms)`))
    .catch((e) => {
      console.error(e)
      process.exit(1)
    })
}
