/**
 * The cleanup trigger (cloudfunctions/_kit/cleanup.ts) removes what has done its job: request
 * records of finished submits, spent lookup budgets and expired invitations, and keeps everything
 * still in use. It runs as a real function registers it (the idempotency probe fixture).
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { buildFunctions } from '../../scripts/build-functions'
import { startTestCloud, type TestCloud } from '../support/cloud'

const functionsDir = mkdtempSync(join(tmpdir(), 'cleanup-fns-'))
let t: TestCloud

beforeAll(async () => {
  await buildFunctions(['idem-probe'], resolve(__dirname, 'fixtures'), functionsDir)
  t = await startTestCloud({ functionsDir })
})
afterAll(() => t?.close())

describe('the cleanup trigger (cloudfunctions/_kit/cleanup.ts)', () => {
  const hours = (n: number) => new Date(Date.now() - n * 3_600_000)
  const days = (n: number) => hours(24 * n)

  it('when records have done their job, then the trigger removes them and keeps everything still in use', async () => {
    const add = (collection: string, docs: object[]) => Promise.all(docs.map((data) => t.db.collection(collection).add({ data })))
    await add('requests', [
      ...Array.from({ length: 2100 }, (_x, i) => ({ _id: `old-${String(i).padStart(5, '0')}`, status: 'done', createdAt: days(2) })),
      { _id: 'fresh', status: 'done', createdAt: hours(1) },
    ])
    await add('lookup_attempts', [
      {
        _id: 'n:all-old',
        attempts: [
          { id: 'a', at: days(3) },
          { id: 'b', at: days(2) },
        ],
        rev: 2,
      },
      {
        _id: 'n:mixed',
        attempts: [
          { id: 'a', at: days(3) },
          { id: 'b', at: hours(2) },
        ],
        rev: 2,
      },
      { _id: 'o:recent', attempts: [{ id: 'a', at: hours(1) }], rev: 1 },
      // Every place given back (a successful lookup): found by when it was last touched.
      { _id: 'o:given-back', attempts: [], rev: 3, touchedAt: days(2) },
      { _id: 'o:given-back-today', attempts: [], rev: 3, touchedAt: hours(3) },
    ])
    await add('invitations', [
      { _id: 'inv-open-old', status: 'open', expiresAt: days(8) },
      { _id: 'inv-used-old', status: 'used', expiresAt: days(8), createdBy: 'JX0001' },
      { _id: 'inv-open-recent', status: 'open', expiresAt: days(1) },
    ])
    await add('follow_invitations', [
      { _id: 'fi-used-old', status: 'used', expiresAt: days(8) },
      { _id: 'fi-open-old', status: 'open', expiresAt: days(9) },
      { _id: 'fi-live', status: 'open', expiresAt: hours(-20) },
    ])

    const r = await t.trigger('idem-probe', 'cleanup')
    expect(r).toEqual({
      ok: true,
      data: { done: true, removed: { requests: 2100, lookup_attempts: 2, invitations: 1, follow_invitations: 2 } },
    })

    const ids = async (c: string) => (await t.db.collection(c).limit(1000).get()).data.map((d) => d._id as string).sort()
    expect((await ids('requests')).filter((id: string) => id.startsWith('old-'))).toEqual([])
    expect(await ids('requests')).toContain('fresh')
    expect(await ids('lookup_attempts')).toEqual(['n:mixed', 'o:given-back-today', 'o:recent'])
    expect(await ids('invitations')).toEqual(['inv-open-recent', 'inv-used-old'])
    expect(await ids('follow_invitations')).toEqual(['fi-live'])
  })
})
