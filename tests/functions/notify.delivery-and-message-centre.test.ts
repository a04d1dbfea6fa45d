import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildFunctions } from '../../scripts/build-functions'
import { INDEXES } from '../../cloudfunctions/_kit/collections'
import { seedDemoCentre } from '../../local/seed'
import { notificationKey, type NotificationEvent } from '../../types/domain/notification'
import { apiOf, startTestCloud, type TestCloud } from '../support/cloud'
import { dataOf } from '../support/calls'
import { appointmentContract, notifyContract } from '../../types/contracts'
import type { ActionInput } from '../../types/contracts/contract'
import { applicant, newRequestId } from '../support/people'
import { clearFakeNow, setBeijingNow } from '../support/clock'

const functionsDir = mkdtempSync(join(tmpdir(), 'notify-fns-'))
let t: TestCloud
let seq = 0
const MONDAY = '2026-09-28'

beforeAll(async () => {
  await buildFunctions(['appointment', 'notify'], undefined, functionsDir)
  t = await startTestCloud({ functionsDir, seed: seedDemoCentre, indexes: INDEXES })
})
afterAll(async () => {
  clearFakeNow()
  delete process.env.TEMPLATE_IDS
  await t?.close()
})
beforeEach(() => {
  setBeijingNow(MONDAY, '09:00')
  t.cloud.setOpenapiFailures(null)
})

const notify = apiOf(() => t, notifyContract)
const appointment = apiOf(() => t, appointmentContract)
const drain = async () => dataOf(await t.trigger('notify', 'drain'))
type Grant = ActionInput<typeof notifyContract, 'reportGrants'>['grants'][number]
const grant = (openid: string, ...grants: Array<[Grant['templateKey'], Grant['status']]>) =>
  notify({ action: 'reportGrants', grants: grants.map(([templateKey, status]) => ({ templateKey, status })) }, openid)
const outboxDoc = async (id: string) => (await t.db.collection('outbox').doc(id).get()).data
const ledger = async (openid: string, key: string) =>
  (
    await t.db
      .collection('subscriptions')
      .where({ _id: `${openid}:${key}` })
      .get()
  ).data[0]
const msgIdOf = (page: string) => new URLSearchParams(page.split('?')[1] ?? '').get('msgId')
const sendsFor = async (id: string) => (await t.sends()).filter((s) => msgIdOf(s.page) === id)

const CASE_DATA = { matterName: '食品经营许可证核发（新办）', caseNo: 'ZW20260928000123', promisedDays: 10 }
async function enqueue(
  event: NotificationEvent,
  recipient: string,
  data: Record<string, string | number> = CASE_DATA,
  subjectId = `cs-${String(++seq).padStart(20, '0')}`,
) {
  const _id = notificationKey(event, subjectId, recipient)
  await t.db.collection('outbox').add({
    data: {
      _id,
      event,
      subjectId,
      subjectRoot: subjectId,
      recipient,
      data,
      page: `pages/case/detail/index?id=${subjectId}`,
      status: 'pending',
      attempts: 0,
      createdAt: new Date(process.env.LOCAL_FAKE_NOW!),
    },
  })
  return _id
}

describe('consent ledger', () => {
  it('when a citizen accepts a one-time template twice, then two messages are pushed and the third only reaches the message centre', async () => {
    const me = 'o-ledger-1'
    expect(await grant(me, ['case_progress', 'accept'])).toMatchObject({
      ok: true,
      data: { grants: [{ templateKey: 'case_progress', kind: 'one_time', remaining: 1, active: true }] },
    })
    expect(dataOf(await grant(me, ['case_progress', 'accept'], ['booking_result', 'reject'])).grants).toEqual([
      { templateKey: 'case_progress', kind: 'one_time', remaining: 2, active: true },
      { templateKey: 'booking_result', kind: 'one_time', remaining: 0, active: false },
    ])
    const ids = [
      await enqueue('case.accepted', me),
      await enqueue('case.approved', me),
      await enqueue('case.ready_for_pickup', me, { ...CASE_DATA, place: '政务服务中心一楼统一出件窗口（东侧）15号窗口' }),
    ]
    expect(await drain()).toMatchObject({ sent: 2, noConsent: 1, failed: 0 })
    expect((await Promise.all(ids.map(outboxDoc))).map((d) => d.status).sort()).toEqual(['no_consent', 'sent', 'sent'])
    expect(await ledger(me, 'case_progress')).toMatchObject({ remaining: 0 })
    for (const id of ids) expect((await sendsFor(id)).length).toBe((await outboxDoc(id)).status === 'sent' ? 1 : 0)
    const mine = await notify({ action: 'myMessages' }, me)
    expect(dataOf(mine)).toMatchObject({ unread: 3, hasMore: false })
    expect(
      dataOf(mine)
        .messages.map((m) => m.messageId)
        .sort(),
    ).toEqual([...ids].sort())
  })

  it('when the grant report is malformed or names more than 3 templates, then nothing is recorded', async () => {
    const four = (['booking_result', 'booking_reminder', 'queue_call', 'case_progress'] as const).map(
      (k) => [k, 'accept'] as [Grant['templateKey'], Grant['status']],
    )
    expect(await grant('o-ledger-2', ...four)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(await notify.raw({ action: 'reportGrants', grants: [{ templateKey: 'nope', status: 'accept' }] }, 'o-ledger-2')).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    })
    expect(
      await notify.raw(
        { action: 'reportGrants', grants: [{ templateKey: 'queue_call', status: 'accept' }], openid: 'o-other' },
        'o-ledger-2',
      ),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(await ledger('o-ledger-2', 'queue_call')).toBeUndefined()
    expect(await notify({ action: 'reportGrants', grants: [{ templateKey: 'queue_call', status: 'accept' }] })).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    })
  })

  it('when the user turns the template off (ban), then earlier grants are void', async () => {
    await grant('o-ledger-3', ['queue_call', 'accept'])
    await grant('o-ledger-3', ['queue_call', 'accept'])
    expect(dataOf(await grant('o-ledger-3', ['queue_call', 'ban'])).grants[0]).toMatchObject({ remaining: 0, active: false })
  })

  it('when a template is long-term by deployment, then one acceptance covers every message and is not used up', async () => {
    process.env.TEMPLATE_IDS = JSON.stringify({ case_progress: { id: 'LT-case-progress', kind: 'long_term' } })
    try {
      const me = 'o-ledger-lt'
      expect(dataOf(await notify({ action: 'subscribeTemplates', moment: 'case_submitted' })).templates).toEqual([
        { key: 'case_progress', templateId: 'LT-case-progress', title: '办件进度通知', kind: 'long_term' },
        // The 好差评 invitation when the case is finished: one-time, as the deployment left it.
        { key: 'rating_invite', templateId: 'TPL_RATING_INVITE', title: '服务评价提醒', kind: 'one_time' },
      ])
      expect(dataOf(await grant(me, ['case_progress', 'accept'])).grants[0]).toMatchObject({ kind: 'long_term', active: true })
      const ids = [
        await enqueue('case.accepted', me),
        await enqueue('case.supplement_requested', me, { ...CASE_DATA, items: 2 }),
        await enqueue('case.approved', me),
      ]
      expect(await drain()).toMatchObject({ sent: 3 })
      for (const id of ids) expect(await sendsFor(id)).toEqual([expect.objectContaining({ templateId: 'LT-case-progress', touser: me })])
    } finally {
      delete process.env.TEMPLATE_IDS
    }
  })

  it('when the app asks what to request after booking, then it gets at most 3 templates with ids', async () => {
    const r = await notify({ action: 'subscribeTemplates', moment: 'booking' })
    expect(dataOf(r).templates.map((x) => x.key)).toEqual(['booking_result', 'booking_reminder', 'queue_call'])
  })
})

describe('delivery right after the event', () => {
  it('when a citizen who allowed it books, then the confirmation is pushed before any drain and opens the booking', async () => {
    const me = 'o-soon-1'
    await grant(me, ['booking_result', 'accept'], ['booking_reminder', 'accept'])
    const slot = dataOf(await appointment({ action: 'listSlots', matterId: 'm-passport', date: '2026-09-29' }, me)).slots[0]
    const booked = await appointment(
      { action: 'book', slotId: slot.slotId, matterId: 'm-passport', requestId: newRequestId(), ...applicant(901) },
      me,
    )
    expect(booked.ok).toBe(true)
    const { bookingId } = dataOf(booked)
    const id = notificationKey('booking.confirmed', bookingId, me)
    expect(await outboxDoc(id)).toMatchObject({ status: 'sent', attempts: 1, templateKey: 'booking_result' })
    const [send] = await sendsFor(id)
    expect(send).toMatchObject({
      touser: me,
      templateId: 'TPL_BOOKING_RESULT',
      data: { phrase5: { value: '预约成功' }, time2: { value: '2026年9月29日 09:00~09:30' } },
    })
    expect(send.page).toBe(`pages/booking/detail/index?id=${bookingId}&msgId=${encodeURIComponent(id)}`)
    const mine = await notify({ action: 'myMessages' }, me)
    expect(dataOf(mine).messages[0]).toMatchObject({
      messageId: id,
      kind: 'booking',
      subjectId: bookingId,
      title: '预约成功',
      page: `pages/booking/detail/index?id=${bookingId}`,
      read: false,
    })
    expect(await drain()).toMatchObject({ sent: 0 })
    expect(await sendsFor(id)).toHaveLength(1)
  })

  it('when deliverSoon is called by anyone for queued, retrying or unknown ids, then only pending items are taken', async () => {
    const me = 'o-soon-2'
    await grant(me, ['case_progress', 'accept'])
    const pending = await enqueue('case.accepted', me)
    expect(await notify({ action: 'deliverSoon', ids: [pending, pending, 'case.accepted:cs-unknown:o-x'] }, 'o-stranger')).toEqual({
      ok: true,
      data: { claimed: 1 },
    })
    expect(await notify({ action: 'deliverSoon', ids: [pending] })).toEqual({ ok: true, data: { claimed: 0 } })
    expect(await sendsFor(pending)).toHaveLength(1)
  })
})

describe('no consent', () => {
  it('when the citizen never allowed the template, then nothing is pushed but the message centre has it', async () => {
    const id = await enqueue('case.rejected', 'o-noconsent', {
      ...CASE_DATA,
      reason: '申请材料中的营业场所证明与实际地址不符，请核实后重新申请',
    })
    expect(await drain()).toMatchObject({ noConsent: 1, sent: 0 })
    expect(await outboxDoc(id)).toMatchObject({ status: 'no_consent' })
    expect(await sendsFor(id)).toEqual([])
    const mine = await notify({ action: 'myMessages' }, 'o-noconsent')
    expect(dataOf(mine).messages).toEqual([
      expect.objectContaining({ messageId: id, title: '审批未通过', body: expect.stringContaining('营业场所证明'), kind: 'case' }),
    ])
  })
})

describe('failures and retries', () => {
  it('when WeChat is busy, then the timer retries after the backoff with the same grant, and sends once', async () => {
    const me = 'o-retry-1'
    await grant(me, ['case_progress', 'accept'], ['queue_call', 'accept'])
    const id = await enqueue('case.accepted', me)
    t.cloud.setOpenapiFailures({ transient: 1 })
    expect(await drain()).toMatchObject({ retry: 1 })
    const first = await outboxDoc(id)
    expect(first).toMatchObject({ status: 'retry', attempts: 1, lastError: { errcode: -1 }, grant: { kind: 'one_time' } })
    const wait = new Date(first.dueAt).getTime() - new Date(process.env.LOCAL_FAKE_NOW!).getTime()
    expect(wait).toBeGreaterThanOrEqual(48_000)
    expect(wait).toBeLessThanOrEqual(72_000)
    expect(await ledger(me, 'case_progress')).toMatchObject({ remaining: 0 })

    t.cloud.setOpenapiFailures(null)
    expect(await drain()).toMatchObject({ sent: 0, retry: 0 })
    setBeijingNow(MONDAY, '09:02')
    expect(await drain()).toMatchObject({ sent: 1 })
    expect(await outboxDoc(id)).toMatchObject({ status: 'sent', attempts: 2 })
    expect(await sendsFor(id)).toHaveLength(1)
    expect(await ledger(me, 'case_progress')).toMatchObject({ remaining: 0 })
    expect(await ledger(me, 'queue_call')).toMatchObject({ remaining: 1 })
  })

  it('when WeChat stays busy for about 4 hours, then the item fails after 9 attempts and the grant is given back', async () => {
    const me = 'o-retry-2'
    await grant(me, ['case_progress', 'accept'])
    const id = await enqueue('case.approved', me)
    t.cloud.setOpenapiFailures({ transient: 1 })
    const start = new Date(process.env.LOCAL_FAKE_NOW!).getTime()
    for (let i = 0; i < 12; i++) {
      await drain()
      const d = await outboxDoc(id)
      if (d.status !== 'retry') break
      process.env.LOCAL_FAKE_NOW = new Date(d.dueAt).toISOString()
    }
    const d = await outboxDoc(id)
    expect(d).toMatchObject({ status: 'failed', attempts: 9, lastError: { errcode: -1, reason: expect.stringContaining('多次重试') } })
    const hours = (new Date(process.env.LOCAL_FAKE_NOW!).getTime() - start) / 3600_000
    expect(hours).toBeGreaterThan(3)
    expect(hours).toBeLessThan(5.5)
    expect(await ledger(me, 'case_progress')).toMatchObject({ remaining: 1 })
    expect(await sendsFor(id)).toEqual([])
  })

  it.each([
    [43101, 'the user refused', 0],
    [47003, 'our data was invalid', 1],
    [40003, 'the OPENID was invalid', 0],
  ])('when WeChat answers %s (%s), then it fails at once with the reason; grants given back: %s', async (code, _label, back) => {
    const me = `o-perm-${code}`
    await grant(me, ['case_progress', 'accept'])
    const id = await enqueue('case.accepted', me)
    t.cloud.setOpenapiFailures({ permanent: 1, permanentCode: code })
    expect(await drain()).toMatchObject({ failed: 1, retry: 0 })
    expect(await outboxDoc(id)).toMatchObject({
      status: 'failed',
      attempts: 1,
      lastError: { errcode: code, reason: expect.stringContaining(`${code}`) },
    })
    expect(await ledger(me, 'case_progress')).toMatchObject({ remaining: back })
  })

  it('when an event carries data its template cannot take, then it fails without using a grant, and still reaches the centre', async () => {
    const me = 'o-format'
    await grant(me, ['queue_call', 'accept'])
    const id = await enqueue('queue.three_ahead', me, { ticket: 'A012', ahead: '很多', matterName: '护照' })
    expect(await drain()).toMatchObject({ failed: 1 })
    expect(await outboxDoc(id)).toMatchObject({ status: 'failed', lastError: { reason: expect.stringContaining('模板数据不合规') } })
    expect(await ledger(me, 'queue_call')).toMatchObject({ remaining: 1 })
    expect(dataOf(await notify({ action: 'unreadCount' }, me))).toEqual({ unread: 1 })
  })
})

describe('sent exactly once', () => {
  it('when four drains and deliverSoon calls race over the same 60 items, then each is sent once', async () => {
    const ids: string[] = []
    for (let i = 0; i < 60; i++) {
      const me = `o-race-${i}`
      await t.db.collection('subscriptions').add({
        data: {
          _id: `${me}:case_progress`,
          openid: me,
          templateKey: 'case_progress',
          remaining: 5,
          longTerm: false,
          lastStatus: 'accept',
          acceptedTotal: 5,
          updatedAt: new Date(),
        },
      })
      ids.push(await enqueue('case.accepted', me))
    }
    await Promise.all([drain(), drain(), drain(), drain(), ...ids.slice(0, 10).map((id) => notify({ action: 'deliverSoon', ids: [id] }))])
    for (const id of ids) expect(await sendsFor(id)).toHaveLength(1)
    const ledgers = await Promise.all(ids.map((_id, i) => ledger(`o-race-${i}`, 'case_progress')))
    expect(ledgers.every((l) => l.remaining === 4)).toBe(true)
  })
})

describe('message centre', () => {
  const me = 'o-centre'
  let ids: string[]
  beforeAll(async () => {
    setBeijingNow(MONDAY, '10:00')
    ids = []
    for (let i = 0; i < 5; i++) {
      process.env.LOCAL_FAKE_NOW = new Date(Date.parse('2026-09-28T02:00:00Z') + i * 60_000).toISOString()
      ids.push(await enqueue('case.accepted', me))
    }
    await enqueue('case.accepted', 'o-centre-other')
    await drain()
  })

  it('when a citizen pages through, then newest come first with the unread count', async () => {
    const p1 = await notify({ action: 'myMessages', pageSize: 2 }, me)
    expect(dataOf(p1)).toMatchObject({ unread: 5, page: 1, pageSize: 2, hasMore: true })
    expect(dataOf(p1).messages.map((m) => m.messageId)).toEqual([ids[4], ids[3]])
    const p3 = await notify({ action: 'myMessages', page: 3, pageSize: 2 }, me)
    expect(dataOf(p3)).toMatchObject({ hasMore: false, messages: [{ messageId: ids[0] }] })
  })

  it("when a citizen marks messages read, then only their own change; someone else's id changes nothing", async () => {
    const other = dataOf(await notify({ action: 'myMessages' }, 'o-centre-other')).messages[0].messageId
    expect(await notify({ action: 'markRead', messageIds: [ids[0], other] }, me)).toEqual({ ok: true, data: { updated: 1, unread: 4 } })
    expect(dataOf(await notify({ action: 'unreadCount' }, 'o-centre-other'))).toEqual({ unread: 1 })
    expect(await notify({ action: 'markRead', all: true }, me)).toEqual({ ok: true, data: { updated: 4, unread: 0 } })
    expect(dataOf(await notify({ action: 'myMessages' }, me)).messages.every((m) => m.read)).toBe(true)
  })

  it("when the caller has no OPENID or sends someone else's, then the centre refuses", async () => {
    expect(await notify({ action: 'myMessages' })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
    expect(await notify.raw({ action: 'myMessages', openid: 'o-centre' }, 'o-centre-other')).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    })
    expect(await notify.raw({ action: 'markRead' }, me)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  })
})

describe('delivery state for staff', () => {
  let bookingId: string
  beforeAll(async () => {
    const slot = dataOf(await appointment({ action: 'listSlots', matterId: 'm-passport', date: '2026-09-30' })).slots[1]
    const r = await appointment(
      { action: 'book', slotId: slot.slotId, matterId: 'm-passport', requestId: newRequestId(), ...applicant(902) },
      'o-staffview',
    )
    bookingId = dataOf(r).bookingId
  })

  it('when the department lead or a supervisor looks at a booking, then each notification shows its state, recipient masked', async () => {
    for (const who of ['demo-lead-crj', 'demo-supervisor']) {
      const r = await notify({ action: 'caseDeliveries', subjectId: bookingId }, who)
      expect(r).toMatchObject({
        ok: true,
        data: {
          deliveries: [
            {
              event: 'booking.confirmed',
              status: 'no_consent',
              statusLabel: '未订阅，仅站内消息',
              reason: '用户未授权订阅该类消息，也未关注服务号',
              attempts: 1,
            },
          ],
        },
      })
      expect(dataOf(r).deliveries[0].recipient).not.toContain('o-staffview')
    }
  })

  it('when a failure happened, then staff see why', async () => {
    const me = 'o-staffview-2'
    await grant(me, ['case_progress', 'accept'])
    const subject = 'cs-staffview-00000000001'
    await enqueue('case.accepted', me, CASE_DATA, subject)
    t.cloud.setOpenapiFailures({ permanent: 1 })
    await drain()
    const r = await notify({ action: 'caseDeliveries', subjectId: subject }, 'demo-admin')
    expect(dataOf(r).deliveries).toEqual([
      expect.objectContaining({ status: 'failed', errcode: 43101, reason: '用户未订阅或已拒收（43101）' }),
    ])
  })

  it('when a citizen or staff of another department asks, then it is refused (another department is answered as if the record did not exist)', async () => {
    expect(await notify({ action: 'caseDeliveries', subjectId: bookingId }, 'o-staffview')).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    expect(await notify({ action: 'caseDeliveries', subjectId: bookingId }, 'demo-staff-scjg')).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
  })
})
