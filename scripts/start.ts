/**
 * `npm start`: bundle the cloud functions, build the h5 app when its sources changed and the hall
 * display board (served at /board/), then start
 * the local cloud with the demo centre (seeded on first start) and serve the app. PORT and
 * DATA_DIR override the port (default 8787) and the data folder (default .data/).
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { boardOutDir, buildBoard } from './build-board'
import { buildFunctions, functionsOutDir } from './build-functions'
import { INDEXES } from '../cloudfunctions/_kit/collections'
import { personas, seedDemoCentre, seedDemoHistory } from '../local/seed'
import { builtInCalendar } from '../types/domain/working-days'
import { runFromCli } from '../local/main'

const root = resolve(__dirname, '..')
const h5Dir = join(root, 'dist', 'h5')

/** The hall display board's sources live in src/ but are no part of the h5 app (scripts/build-board.ts builds them). */
const notH5 = new Set([join(root, 'src', 'board')])

function newestMtime(dir: string): number {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name)
    if (notH5.has(p)) continue
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs)
  }
  return newest
}

function h5IsStale(): boolean {
  const index = join(h5Dir, 'index.html')
  if (!existsSync(index)) return true
  const sources = Math.max(...['src', 'config', 'types'].map((d) => newestMtime(join(root, d))))
  return sources > statSync(index).mtimeMs
}

async function main() {
  await buildFunctions()
  if (h5IsStale()) {
    console.log('正在构建 H5 应用（首次约需一两分钟）…')
    const r = spawnSync(process.execPath, [require.resolve('@tarojs/cli/bin/taro'), 'build', '--type', 'h5'], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production' },
    })
    if (r.status !== 0) process.exit(r.status ?? 1)
  }
  // Timer triggers (drain, noShowSweep, deadlineSweep, reminders, recomputeSweep …) run on their
  // config.json schedules, as in the cloud.
  // The hall display board (a plain page, no Taro) builds in well under a second: always.
  await buildBoard()
  await runFromCli({
    functionsDir: functionsOutDir,
    staticDir: h5Dir,
    boardDir: boardOutDir,
    // The demo centre with six months of finished cases, so 预计办结 and the console have a past.
    seed: async (db) => {
      await seedDemoCentre(db)
      await seedDemoHistory(db, new Date(), builtInCalendar)
    },
    indexes: INDEXES,
    personas,
    timers: true,
  })
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
