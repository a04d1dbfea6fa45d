/**
 * The hall display board's bundles: the local build (no SDK) and the 云开发 build (CloudBase web
 * SDK modules, loaded on first use), raw and gzipped. The board lives outside the weapp, so it
 * adds nothing to the mini-program's packages. Its call-to-screen time is logged by the browser
 * test (tests/e2e/board.live-calls.e2e.test.ts, "shown … ms after the staff call").
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { buildBoard } from '../../scripts/build-board'

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`

export async function run(): Promise<void> {
  console.log('\n## hall display board (static page, outside the weapp)')
  for (const [label, cloudEnv] of [
    ['local  (gateway)', ''],
    ['cloud  (web SDK)', 'bench-env-0000'],
  ] as const) {
    const dir = mkdtempSync(join(tmpdir(), 'board-bench-'))
    const sizes = await buildBoard({ outDir: dir, cloudEnv })
    const files = Object.keys(sizes).filter((f) => /\.(js|css|html)$/.test(f))
    const raw = files.reduce((n, f) => n + sizes[f], 0)
    const gz = files.reduce((n, f) => n + gzipSync(readFileSync(join(dir, f))).length, 0)
    const first = ['index.html', 'board.js', 'board.css'].reduce((n, f) => n + gzipSync(readFileSync(join(dir, f))).length, 0)
    console.log(`${label}  ${kb(raw).padStart(9)} raw  ${kb(gz).padStart(9)} gzip  (${files.length} files; first paint ${kb(first)} gzip)`)
    rmSync(dir, { recursive: true, force: true })
  }
}
