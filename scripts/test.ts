/**
 * `npm test`: the whole gate, in the order a failure is cheapest to find.
 *   1. format check (Prettier), lint (ESLint) and type check (tsc, strict)
 *   2. builds: cloud functions (esbuild), the weapp build and the h5 build (Taro), the hall
 *      display board (esbuild)
 *   3. jest: unit, local cloud, function tests through the real wx-server-sdk, the weapp build
 *      compiled by WeChat's wcc/wcsc, and browser tests driving Chromium against the h5 build;
 *      then the load tests (tests/load) on their own, in band
 * It ends with one line `Tests: N passed, N failed` and exits non-zero on any failure.
 * SKIP_BUILD=1 reuses existing builds (for quick local re-runs; CI always builds).
 *
 * Before any of that it makes sure the machine has what the tests need beyond node_modules: the
 * browser tests drive the system's Chromium (/usr/bin/chromium). Running as root on Debian it
 * installs it with apt-get (one progress line, about a minute); otherwise it stops at once with
 * the one command to run, instead of letting every browser test fail.
 */
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
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
      if (code === 0) ok()
      else fail(new Error(`${label} failed`))
    })
  })
}

const CHROMIUM = '/usr/bin/chromium'

/** Whether this run includes the browser tests: all of them, or named paths that reach tests/e2e. */
function runsBrowserTests(args: string[]): boolean {
  const paths = args.filter((a) => !a.startsWith('-'))
  return paths.length === 0 || paths.some((p) => /e2e/.test(p))
}

/** Stop before anything else with one line that says what to run. */
function stop(line: string): never {
  console.error(line)
  process.exit(1)
}

function ensureChromium(): void {
  if (existsSync(CHROMIUM) || !runsBrowserTests(process.argv.slice(2))) return
  const asRoot = process.getuid?.() === 0
  if (!asRoot || !existsSync('/usr/bin/apt-get')) {
    stop(`✗ The browser tests need Chromium at ${CHROMIUM}: run \`sudo apt-get install -y chromium\`, then \`npm test\` again.`)
  }
  const t0 = Date.now()
  console.log(`▶ Chromium is missing: installing it for the browser tests (apt-get update && apt-get install -y chromium, about a minute)…`)
  const logFile = join(mkdtempSync(join(tmpdir(), 'npm-test-apt-')), 'apt.log')
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  let out = ''
  for (const args of [
    ['update', '-qq'],
    ['install', '-y', '-qq', 'chromium'],
  ]) {
    const r = spawnSync('apt-get', args, { env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
    out += `$ apt-get ${args.join(' ')}\n${r.stdout ?? ''}${r.stderr ?? ''}`
    if (r.status !== 0 || r.error) {
      writeFileSync(logFile, out)
      stop(
        `✗ Installing Chromium failed (apt-get ${args[0]}; output in ${logFile}): run \`apt-get update && apt-get install -y chromium\` by hand, then \`npm test\` again.`,
      )
    }
  }
  if (!existsSync(CHROMIUM))
    stop(`✗ apt-get installed chromium but ${CHROMIUM} is still missing: install Chromium at that path, then \`npm test\` again.`)
  console.log(`◀ Chromium installed in ${((Date.now() - t0) / 1000).toFixed(0)} s`)
}

async function main() {
  ensureChromium()
  await run('format check (prettier)', bin('prettier'), ['--check', '--log-level', 'warn', '**/*.{ts,tsx,js,mjs,scss}'])
  await run('lint (eslint)', bin('eslint'), ['--max-warnings', '0', '.'])
  await run('type check', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json'])
  if (process.env.SKIP_BUILD !== '1') {
    await run('bundle cloud functions', bin('tsx'), ['scripts/build-functions.ts'])
    await run('sync project.config.json', bin('tsx'), ['scripts/sync-project-config.ts'])
    await run('build weapp', bin('taro'), ['build', '--type', 'weapp'], { NODE_ENV: 'production' })
    await run('build h5', bin('taro'), ['build', '--type', 'h5'], { NODE_ENV: 'production' })
    await run('build hall display board', bin('tsx'), ['scripts/build-board.ts'])
  }

  const artifacts = join(root, 'tests', '.artifacts')
  mkdirSync(artifacts, { recursive: true })
  // With no paths given, the load tests (tests/load) run after the rest, alone and in band: a
  // race of a thousand calls measures the code, not how busy the other workers keep the CPU.
  // Named paths run in one pass, load tests included.
  const args = process.argv.slice(2)
  const phases: Array<{ label: string; args: string[]; env: NodeJS.ProcessEnv }> = args.some((a) => !a.startsWith('-'))
    ? [{ label: 'jest', args, env: { JEST_LOAD: '1' } }]
    : [
        { label: 'jest', args, env: {} },
        { label: 'jest: load tests, in band', args: [...args, '--runInBand', 'tests/load'], env: { JEST_LOAD: '1' } },
      ]
  let passed = 0
  let failed = 0
  let jestFailed = false
  for (const [i, phase] of phases.entries()) {
    const report = join(artifacts, i === 0 ? 'jest-report.json' : 'jest-report-load.json')
    await run(phase.label, bin('jest'), ['--ci', '--json', `--outputFile=${report}`, ...phase.args], phase.env).catch(
      () => (jestFailed = true),
    )
    const r = existsSync(report)
      ? JSON.parse(readFileSync(report, 'utf8'))
      : { numPassedTests: 0, numFailedTests: 0, numTotalTestSuites: 0, numFailedTestSuites: 1 }
    passed += r.numPassedTests
    // A suite that fails to load has no failed tests but must still fail the run.
    failed += r.numFailedTests + (r.numFailedTestSuites && !r.numFailedTests ? r.numFailedTestSuites : 0)
  }
  console.log(`\nTests: ${passed} passed, ${failed} failed`)
  if (jestFailed || failed > 0 || passed === 0) process.exit(1)
}

main().catch((e) => {
  console.error(`\n${e.message}\nTests: 0 passed, 1 failed`)
  process.exit(1)
})
