import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildFunctions } from '../../scripts/build-functions'
import { INDEXES } from '../../cloudfunctions/_kit/collections'
import { PUSH_EVENTS, notificationKey } from '../../types/domain/notification'
import { EVENT_TEMPLATE } from '../../types/domain/templates'
import type { Doc } from '../../cloudfunctions/_kit/db-types'
import { dataOf } from '../support/calls'
import { startTestCloud, type TestCloud } from '../support/cloud'
import { clearFakeNow, setBeijingNow } from '../support/clock'

const functionsDir = mkdtempSync(join(tmpdir(), 'notify-rel-fns-'))
let t: TestCloud
const EVENTS = 1000

beforeAll(async () => {
  await buildFunctions(['notify'], undefined, functionsDir)
  t = await startTestCloud({ functionsDir, indexes: INDEXES })
})
afterAll(async () => {
  clearFakeNow()
  await t?.close()
})

const DATA = {
  matterName: '中华人民共和国普通护照签发（首次申领，含未满十六周岁的未成年人）',
  time: '2026-09-29 09:00-09:30',
  place: '县政务服务中心二楼出入境管理窗口区 3号窗口',
  code: 'AB23CD45',
  ticket: 'A012',
  ahead: 3,
  caseNo: 'ZW20260928000123',
  promisedDays: 10,
  items: 2,
  reason: '申请材料中的户口簿复印件不清晰，无法辨认户主信息，请重新提交',
  topic: '办理营业执照变更登记需要准备哪些材料，可以全程网上办理吗',
  department: '县市场监督管理局',
}

async function insertAll(collection: string, docs: object[]) {
  for (let i = 0; i < docs.length; i += 100)
    await Promise.all(docs.slice(i, i + 100).map((data) => t.db.collection(collection).add({ data })))
}

async function countBy(collection: string, where: object = {}) {
  return (await t.db.collection(collection).where(where).count()).total
}

async function all(collection: string): Promise<Doc[]> {
  const out: Doc[] = []
  for (let skip = 0; ; skip += 1000) {
    const { data } = await t.db.collection(collection).orderBy('_id', 'asc').skip(skip).limit(1000).get()
    out.push(...data)
    if (data.length < 1000) return out
  }
}

describe('1,000 events through a flaky WeChat', () => {
  it('when 30 % of sends fail transiently and 5 % permanently, then every event ends sent or failed, none lost or sent twice, all in the message centre', async () => {
    let at = setBeijingNow('2026-09-28', '09:00').getTime()
    const items = Array.from({ length: EVENTS }, (_, i) => {
      const event = PUSH_EVENTS[i % PUSH_EVENTS.length]
      const recipient = `o-rel-${i}`
      const subjectId = `subj-${String(i).padStart(6, '0')}`
      return {
        _id: notificationKey(event, subjectId, recipient),
        event,
        subjectId,
        subjectRoot: subjectId,
        recipient,
        data: DATA,
        page: `pages/case/detail/index?id=${subjectId}`,
        status: 'pending',
        attempts: 0,
        createdAt: new Date(at + i),
      }
    })
    await insertAll('outbox', items)
    await insertAll(
      'subscriptions',
      items.map((o) => ({
        _id: `${o.recipient}:${EVENT_TEMPLATE[o.event]}`,
        openid: o.recipient,
        templateKey: EVENT_TEMPLATE[o.event],
        remaining: 1,
        longTerm: false,
        lastStatus: 'accept',
        acceptedTotal: 1,
        updatedAt: new Date(at),
      })),
    )

    t.cloud.setOpenapiFailures({ transient: 0.3, permanent: 0.05 })
    const rounds: object[] = []
    for (let round = 0; round < 15; round++) {
      rounds.push(dataOf(await t.trigger('notify', 'drain')))
      if ((await countBy('outbox', { status: t.db.command.in(['pending', 'retry', 'sending']) })) === 0) break
      // Past the longest backoff (128 min + 20 % jitter), so every retry is due at the next run.
      at += 3 * 3600_000
      process.env.LOCAL_FAKE_NOW = new Date(at).toISOString()
    }

    const outbox = await all('outbox')
    const sends = await t.sends()
    const sendsById = new Map<string, number>()
    for (const s of sends) {
      const id = new URLSearchParams(s.page.split('?')[1]).get('msgId')!
      sendsById.set(id, (sendsById.get(id) ?? 0) + 1)
    }
    const sent = outbox.filter((o) => o.status === 'sent')
    const failed = outbox.filter((o) => o.status === 'failed')

    expect(outbox).toHaveLength(EVENTS)
    expect(sent.length + failed.length).toBe(EVENTS)
    expect([...sendsById.values()].every((n) => n === 1)).toBe(true)
    expect(sends).toHaveLength(sent.length)
    for (const o of sent) expect(sendsById.get(o._id)).toBe(1)
    for (const o of failed) expect(sendsById.has(o._id)).toBe(false)
    // 5 % of every attempt fails permanently: with retries about 7 % of events end failed.
    expect(failed.length).toBeGreaterThan(20)
    expect(failed.length).toBeLessThan(140)
    expect(failed.every((o) => o.lastError?.errcode === 43101 || o.attempts === 9)).toBe(true)
    expect(await countBy('messages')).toBe(EVENTS)
    const ledger = await all('subscriptions')
    expect(ledger.filter((l) => l.remaining === 0)).toHaveLength(EVENTS)
    expect(rounds.length).toBeGreaterThan(1)
  })
})
