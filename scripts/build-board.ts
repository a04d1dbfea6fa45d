/**
 * Builds the hall display board (src/board: plain TypeScript, no Taro) with esbuild into a folder
 * of static files: index.html, board.js (+ chunks), board.css.
 *
 *   tsx scripts/build-board.ts           → dist/board: talks to the local cloud's gateway on its
 *                                          own origin (`npm start` serves it at /board/)
 *   tsx scripts/build-board.ts --cloud   → dist/board-cloud: talks to the 云开发 environment of
 *                                          deploy.config.json through the CloudBase web SDK
 *                                          (anonymous sign-in), for the environment's static hosting
 */
import { build } from 'esbuild'
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'

const root = resolve(__dirname, '..')
const srcDir = join(root, 'src', 'board')
export const boardOutDir = join(root, 'dist', 'board')
export const boardCloudOutDir = join(root, 'dist', 'board-cloud')
const PLACEHOLDER_ENV = 'your-cloud-env-id'

export function deployedEnv(): string {
  const raw = JSON.parse(readFileSync(join(root, 'deploy.config.json'), 'utf8')) as { cloudEnv?: unknown }
  return String(raw.cloudEnv ?? '')
}

/** Builds the board; `cloudEnv` empty = the local build. Answers the bytes of each file written. */
export async function buildBoard(opts: { outDir?: string; cloudEnv?: string } = {}): Promise<Record<string, number>> {
  const outDir = opts.outDir ?? (opts.cloudEnv ? boardCloudOutDir : boardOutDir)
  rmSync(outDir, { recursive: true, force: true })
  mkdirSync(outDir, { recursive: true })
  await build({
    entryPoints: { board: join(srcDir, 'main.ts') },
    outdir: outDir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    // TVs in a hall run whatever Chromium their box shipped with: stay on widely supported syntax.
    target: ['chrome80', 'safari13'],
    define: { BOARD_CLOUD_ENV: JSON.stringify(opts.cloudEnv ?? ''), 'process.env.NODE_ENV': '"production"' },
    minify: true,
    legalComments: 'linked',
    chunkNames: 'chunks/[name]-[hash]',
    // The local build never loads the SDK (its branch is dead code): leave its imports unresolved.
    external: opts.cloudEnv ? [] : ['@cloudbase/js-sdk', '@cloudbase/js-sdk/*'],
    logLevel: 'warning',
  })
  copyFileSync(join(srcDir, 'index.html'), join(outDir, 'index.html'))
  const sizes: Record<string, number> = {}
  const walk = (dir: string, prefix = '') => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name)
      if (statSync(p).isDirectory()) walk(p, `${prefix}${name}/`)
      else sizes[`${prefix}${name}`] = statSync(p).size
    }
  }
  walk(outDir)
  return sizes
}

if (require.main === module) {
  const cloud = process.argv.includes('--cloud')
  const env = cloud ? deployedEnv() : ''
  if (cloud && (!env || env === PLACEHOLDER_ENV)) {
    console.error('deploy.config.json 的 cloudEnv 还是占位值：请先填写云开发环境 ID，再构建公示屏的云端版本。')
    process.exit(1)
  }
  const t0 = Date.now()
  buildBoard({ cloudEnv: env })
    .then((sizes) => {
      const total = Object.values(sizes).reduce((a, b) => a + b, 0)
      console.log(
        `大厅公示屏已构建 → ${cloud ? 'dist/board-cloud' : 'dist/board'}（${(total / 1024).toFixed(1)} KB，${Date.now() - t0} ms${cloud ? `，环境 ${env}` : ''}）`,
      )
    })
    .catch((e) => {
      console.error(e)
      process.exit(1)
    })
}
