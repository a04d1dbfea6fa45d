import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import cloud from 'wx-server-sdk'
import { installSdkEnv, startLocalCloud, type SdkTarget } from '../../local'
import type { TestDatabase } from '../support/cloud'
import { Database } from '../../local/database'
import { Store } from '../../local/store'
import { Transactions } from '../../local/transactions'

/** The real SDK in the bench process, pointed at a local cloud (for setup writes). */
export function connect(target: SdkTarget | string) {
  installSdkEnv(target)
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })
  // The SDK's typings are looser than what it answers (tests/support/cloud.ts says what it does answer).
  return { db: cloud.database() as unknown as TestDatabase }
}

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))]

async function pool(n: number, concurrency: number, task: (i: number) => Promise<unknown>): Promise<number[]> {
  const ms: number[] = []
  let next = 0
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) {
        const i = next++
        const t0 = performance.now()
        await task(i)
        ms.push(performance.now() - t0)
      }
    }),
  )
  return ms
}

/**
 * What durable acknowledgements cost (local/oplog.ts): inserts into a data-folder store with the
 * op log fsynced before each answer (group commit) and without (OS cache only), one writer at a
 * time and 50 at once, straight at the store and through the SDK's HTTP path.
 */
export async function runWriteDurability(): Promise<void> {
  console.log('\n## durable writes (op log in a data folder; fsync = group commit before each answer)')
  const line = (label: string, n: number, wall: number, ms: number[]) =>
    console.log(
      `${label.padEnd(52)} ${Math.round(n / (wall / 1000))
        .toLocaleString()
        .padStart(7)} writes/s  p50 ${pct(ms, 50).toFixed(2)} ms  p99 ${pct(ms, 99).toFixed(2)} ms`,
    )
  for (const fsync of [false, true]) {
    for (const concurrency of [1, 50]) {
      const dir = mkdtempSync(join(tmpdir(), 'bench-durable-'))
      const store = Store.open(dir, {}, () => undefined, { fsync })
      const db = new Database(store, new Transactions(store, () => undefined))
      const n = fsync && concurrency === 1 ? 500 : 5000
      const t0 = performance.now()
      const ms = await pool(n, concurrency, (i) =>
        db.handle(
          'database.insertDocument',
          { collectionName: 'bench', data: [JSON.stringify({ i, at: { $date: { $numberLong: String(Date.now()) } } })] },
          'bench',
        ),
      )
      line(
        `store insert, ${concurrency === 1 ? '1 writer ' : '50 writers'}, ${fsync ? 'fsync' : 'no fsync'}`,
        n,
        performance.now() - t0,
        ms,
      )
      store.close()
      rmSync(dir, { recursive: true, force: true })
    }
  }
  for (const fsync of [false, true]) {
    const dir = mkdtempSync(join(tmpdir(), 'bench-durable-sdk-'))
    const local = await startLocalCloud({ port: 0, dataDir: dir, fsync, functionsDir: dir, log: () => undefined })
    try {
      const { db } = connect(local)
      const n = 2000
      const t0 = performance.now()
      const ms = await pool(n, 50, (i) => db.collection('bench').add({ data: { i } }))
      line(`SDK add over HTTP, 50 writers, ${fsync ? 'fsync' : 'no fsync'}`, n, performance.now() - t0, ms)
    } finally {
      await local.close()
      rmSync(dir, { recursive: true, force: true })
    }
  }
}
