/**
 * `npm test`: the whole gate, in the order a failure is cheapest to find.
 *   1. type check (tsc, strict)
 *   2. builds: cloud functions (esbuild), the weapp build and the h5 build (Taro)
 *   3. jest: unit, local cloud, function tests through the real wx-server-sdk, the weapp build
 *      compiled by WeChat's wcc/wcsc, and browser tests driving Chromium against the h5 build
 * It ends with one line `Tests: N passed, N failed` and exits non-zero on any failure.
 * SKIP_BUILD=1 reuses existing builds (for quick local re-runs; CI always builds).
 */
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

const root = resolve(__dirname, '..')
const bin = (name: string) => join(root, 'node_modules', '.bin', name)

function run(label: string, cmd: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<void> {
  const t0 = Date.now()
  console.log(`\n▶ ${label}`)
  return new Promise((ok, fail) => {
    const child = spawn(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } })
    child.on('exit', (code) => {
      console.log(`◀ ${label}: ${code === 0 ? 'ok' : `failed (${code})`} in ${((Date.now() - t0) / 1000).toFixed(1)} s`)
      code === 0 ? ok() : fail(new Error(`${label} failed`))
    })
  })
}

async function main() {
  await run('type check', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json'])
  if (process.env.SKIP_BUILD !== '1') {
    await run('bundle cloud functions', bin('tsx'), ['scripts/build-functions.ts'])
    await run('sync project.config.json', bin('tsx'), ['scripts/sync-project-config.ts'])
    await run('build weapp', bin('taro'), ['build', '--type', 'weapp'], { NODE_ENV: 'production' })
    await run('build h5', bin('taro'), ['build', '--type', 'h5'], { NODE_ENV: 'production' })
  }
  if (!existsSync('/usr/bin/chromium')) console.warn('⚠ /usr/bin/chromium is missing: install it with `apt-get install -y chromium` (.ci/run does).')

  const artifacts = join(root, 'tests', '.artifacts')
  mkdirSync(artifacts, { recursive: true })
  const report = join(artifacts, 'jest-report.json')
  let jestFailed = false
  await run('jest', bin('jest'), ['--ci', '--json', `--outputFile=${report}`, ...process.argv.slice(2)]).catch(() => (jestFailed = true))
  const r = existsSync(report) ? JSON.parse(readFileSync(report, 'utf8')) : { numPassedTests: 0, numFailedTests: 0, numTotalTestSuites: 0, numFailedTestSuites: 1 }
  // A suite that fails to load has no failed tests but must still fail the run.
  const failed = r.numFailedTests + (r.numFailedTestSuites && !r.numFailedTests ? r.numFailedTestSuites : 0)
  console.log(`\nTests: ${r.numPassedTests} passed, ${failed} failed`)
  if (jestFailed || failed > 0 || r.numPassedTests === 0) process.exit(1)
}

main().catch((e) => {
  console.error(`\n${e.message}\nTests: 0 passed, 1 failed`)
  process.exit(1)
})
