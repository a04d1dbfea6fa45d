/**
 * Case reads with 100,000 cases in the store: `lookup` by case number, `getCase` (by id, as its
 * owner) and `myCases` through the real SDK path, p50 and p99, next to the store answering the
 * same queries directly, once with the declared indexes (INDEXES, as the local cloud runs) and once
 * without any (a scan, what every query cost before the store used them), and to a raw Map lookup.
 */
import { mkdtempSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildFunctions } from '../../scripts/build-functions'
import { INDEXES } from '../../cloudfunctions/_kit/collections'
import { seedDemoCentre } from '../../local/seed'
import { startLocalCloud } from '../../local'
import { Store } from '../../local/store'
import { Transactions } from '../../local/transactions'
import { Database } from '../../local/database'
import { newCaseNumber } from '../../types/domain/case-number'
import { idNumberFor } from '../support/people'
import { connect } from './bench-db'
import { invokeApi } from '../support/calls'
import { caseContract } from '../../types/contracts'
import type { Result } from '../../types/result'

const CASES = 100_000
const OWNERS = 20_000
const SAMPLES = 300

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))]
const line = (label: string, xs: number[]) =>
  console.log(`${label.padEnd(44)} p50 ${pct(xs, 50).toFixed(2)} ms  p99 ${pct(xs, 99).toFixed(2)} ms`)
const randomIndex = (n: number) => randomBytes(4).readUInt32BE(0) % n

async function timed(n: number, f: (i: number) => Promise<unknown> | unknown): Promise<number[]> {
  const out: number[] = []
  for (let i = 0; i < n; i++) {
    const t0 = performance.now()
    await f(i)
    out.push(performance.now() - t0)
  }
  return out
}

/** One real passport draft made by the case function, to clone. */
async function templateCase(functionsDir: string): Promise<Record<string, unknown>> {
  const cloud = await startLocalCloud({ port: 0, functionsDir, seed: seedDemoCentre, indexes: INDEXES, log: () => undefined })
  try {
    const r = await invokeApi(cloud, caseContract)(
      {
        action: 'createDraft',
        matterId: 'm-passport',
        applicant: { name: '张伟', idNumber: idNumberFor(1), phone: '13912345678' },
        form: {
          applyType: '换发',
          purpose: '旅游',
          destination: '日本',
          birthPlace: '山西省运城市',
          emergencyContact: '张建国',
          emergencyPhone: '13900000001',
        },
        requestId: 'bench-template-1',
      },
      'o-template',
    )
    if (!r.ok) throw new Error(JSON.stringify(r.error))
    const { db } = connect(cloud)
    return (await db.collection('cases').doc(r.data.caseId).get()).data
  } finally {
    await cloud.close()
  }
}

export async function run(): Promise<void> {
  const functionsDir = mkdtempSync(join(tmpdir(), 'bench-case-fns-'))
  await buildFunctions(['case'], undefined, functionsDir)
  const template = await templateCase(functionsDir)
  const docs = Array.from({ length: CASES }, (_, i) => ({
    ...template,
    _id: `cs-${i.toString(16).padStart(20, '0')}`,
    caseNo: newCaseNumber(randomIndex),
    openid: `o-owner-${i % OWNERS}`,
    state: 'submitted',
    createdAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000),
  }))

  const t0 = performance.now()
  const cloud = await startLocalCloud({
    port: 0,
    functionsDir,
    indexes: INDEXES,
    log: () => undefined,
    seed: async (db) => {
      await seedDemoCentre(db)
      await db.insert('cases', docs)
    },
  })
  try {
    console.log(
      `\n## cases (${CASES.toLocaleString()} in the store, ${OWNERS.toLocaleString()} owners; loaded in ${((performance.now() - t0) / 1000).toFixed(1)} s)`,
    )
    const pick = (i: number) => docs[(i * 7919) % CASES]
    const call = invokeApi(cloud, caseContract)
    const check = (r: Result<unknown>) => {
      if (!r.ok) throw new Error(JSON.stringify(r.error))
    }
    const idLast4 = idNumberFor(1).slice(-4)
    // A contract change in flight must not hide the store figures below.
    const sdkLine = async (label: string, f: (i: number) => Promise<void>) => {
      try {
        line(label, await timed(SAMPLES, f))
      } catch (e) {
        console.log(`${label.padEnd(44)} skipped: ${(e as Error).message.slice(0, 120)}`)
      }
    }
    await sdkLine('lookup by case number through the SDK path', async (i) =>
      check(
        await call(
          { action: 'lookup', caseNo: pick(i).caseNo, queryCode: template.queryCode as string, name: '张伟', idLast4 },
          `o-looker-${i}`,
        ),
      ),
    )
    await sdkLine('getCase (owner) through the SDK path', async (i) =>
      check(await call({ action: 'getCase', caseId: pick(i)._id }, pick(i).openid)),
    )
    await sdkLine('myCases (5 cases) through the SDK path', async (i) => check(await call({ action: 'myCases' }, pick(i).openid)))

    // The same documents in a bare store, queried without HTTP or the SDK: with the declared
    // indexes, and without any (every query a scan).
    const query = (q: object, extra: object = {}) => ({ collectionName: 'cases', query: JSON.stringify(q), limit: 100, ...extra })
    const newest5 = { order: JSON.stringify({ createdAt: -1 }), limit: 5 }
    for (const [label, indexes] of [
      ['indexed', INDEXES],
      ['no index, scan', {}],
    ] as const) {
      const store = new Store(indexes)
      const raw = new Database(store, new Transactions(store, () => undefined))
      raw.insertDocs('cases', docs)
      line(
        `store: case by caseNo (${label})`,
        await timed(SAMPLES, (i) => raw.handle('database.getDocument', query({ caseNo: pick(i).caseNo }), 'bench')),
      )
      line(
        `store: owner's 5 newest (${label})`,
        await timed(SAMPLES, (i) => raw.handle('database.getDocument', query({ openid: pick(i).openid }, newest5), 'bench')),
      )
      line(
        `store: update by caseNo (${label})`,
        await timed(SAMPLES, (i) =>
          raw.handle(
            'database.modifyDocument',
            { ...query({ caseNo: pick(i).caseNo }), data: JSON.stringify({ $set: { benchNote: i } }), multi: true, merge: true },
            'bench',
          ),
        ),
      )
    }
    const byNo = new Map(docs.map((d) => [d.caseNo, d]))
    line('raw indexed lookup by caseNo (Map)', await timed(SAMPLES, (i) => byNo.get(pick(i).caseNo)))
  } finally {
    await cloud.close()
  }
}
