/**
 * Package sizes: the weapp main package and total next to a minimal Taro app built with the same
 * config (the framework's floor), and each bundled function's size and cold `require` time next to
 * requiring wx-server-sdk alone (the floor every function pays).
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { ICONS, type IconNode } from '../../src/components/icon/icons'
import { STAFF_ICONS } from '../../src/components/icon/staff-icons'
import { iconSvg } from '../../src/components/icon/svg'

const root = resolve(__dirname, '../..')

function dirSize(dir: string): number {
  if (!existsSync(dir)) return 0
  return readdirSync(dir, { withFileTypes: true }).reduce((n, e) => {
    const p = join(dir, e.name)
    return n + (e.isDirectory() ? dirSize(p) : statSync(p).size)
  }, 0)
}

/** Main package = everything outside the subpackage roots named in app.json. */
export function weappSizes(dir: string): { main: number; total: number } {
  const app = JSON.parse(readFileSync(join(dir, 'app.json'), 'utf8'))
  const subRoots: string[] = (app.subPackages ?? app.subpackages ?? []).map((s: { root: string }) => s.root.replace(/\/$/, ''))
  const total = dirSize(dir)
  return { main: total - subRoots.reduce((n, r) => n + dirSize(join(dir, r)), 0), total }
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`

/**
 * The icon set's weight: the SVG text of each table's icons as the app bakes them (path data plus
 * Lucide's attributes) and the tab bar's PNG files; the main table and the PNGs are in the main package.
 */
export function iconSizes(): { main: { count: number; svg: number }; staff: { count: number; svg: number }; png: number } {
  const measure = (table: Record<string, IconNode>) => {
    const nodes = [...new Set(Object.values(table))]
    return { count: nodes.length, svg: nodes.reduce((n, node) => n + iconSvg(node, '#0b57d0').length, 0) }
  }
  const tabDir = join(root, 'src', 'assets', 'tab')
  const png = existsSync(tabDir) ? readdirSync(tabDir).reduce((n, f) => n + statSync(join(tabDir, f)).size, 0) : 0
  return { main: measure(ICONS), staff: measure(STAFF_ICONS), png }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

function coldRequireMs(modulePath: string, runs = 5): number {
  const env = {
    ...process.env,
    TENCENTCLOUD_RUNENV: 'SCF',
    SCF_NAMESPACE: 'bench',
    TCB_ENV: 'bench',
    TENCENTCLOUD_REGION: 'ap-shanghai',
    TENCENTCLOUD_SECRETID: 'x',
    TENCENTCLOUD_SECRETKEY: 'y',
    SILENCE: 'true',
    NODE_PATH: join(root, 'node_modules'),
  }
  const code = `const t=process.hrtime.bigint();require(${JSON.stringify(modulePath)});process.stdout.write(String(Number(process.hrtime.bigint()-t)/1e6))`
  return median(
    Array.from({ length: runs }, () => Number(spawnSync(process.execPath, ['-e', code], { env, cwd: root, encoding: 'utf8' }).stdout)),
  )
}

export function run(): void {
  const weapp = join(root, 'dist', 'weapp')
  const minimal = join(root, 'dist', 'minimal-weapp')
  if (!existsSync(join(minimal, 'app.json'))) {
    const r = spawnSync(process.execPath, [require.resolve('@tarojs/cli/bin/taro'), 'build', '--type', 'weapp'], {
      cwd: root,
      env: { ...process.env, MINIMAL_APP: '1', NODE_ENV: 'production' },
      encoding: 'utf8',
    })
    if (r.status !== 0) throw new Error(`minimal app build failed:\n${r.stdout}\n${r.stderr}`)
  }
  if (!existsSync(join(weapp, 'app.json'))) throw new Error('dist/weapp missing: run `npm run build:weapp` first')
  const app = weappSizes(weapp)
  const floor = weappSizes(minimal)
  console.log('\n## weapp package size (WeChat limit 2048 KB per package; scan warns at 1536 KB)')
  console.log(`app      main ${kb(app.main)}  total ${kb(app.total)}`)
  console.log(`minimal  main ${kb(floor.main)}  total ${kb(floor.total)}   (framework floor: one empty Taro page, same config)`)
  console.log(`ratio    main ${(app.main / floor.main).toFixed(2)}×  total ${(app.total / floor.total).toFixed(2)}×`)
  const icons = iconSizes()
  console.log('\n## icons (Lucide, only the ones used)')
  console.log(`main table   ${icons.main.count} icons  ${kb(icons.main.svg)} of SVG`)
  console.log(`staff table  ${icons.staff.count} icons  ${kb(icons.staff.svg)} of SVG (staff subpackage)`)
  console.log(`tab bar PNGs ${kb(icons.png)} (src/assets/tab, main package)`)

  const fnDir = join(root, 'dist', 'cloudfunctions')
  if (!existsSync(fnDir)) throw new Error('dist/cloudfunctions missing: run `npm run build:functions` first')
  const sdkMs = coldRequireMs('wx-server-sdk')
  console.log('\n## cloud functions: bundle size and cold require (median of 5 fresh processes)')
  console.log(`wx-server-sdk alone            ${sdkMs.toFixed(1)} ms`)
  for (const name of readdirSync(fnDir)) {
    const file = join(fnDir, name, 'index.js')
    const ms = coldRequireMs(file)
    console.log(
      `${name.padEnd(14)} ${kb(statSync(file).size).padStart(10)}  ${ms.toFixed(1)} ms  (+${(ms - sdkMs).toFixed(1)} ms over the SDK)`,
    )
  }
}
