/**
 * WeChat's subscribeMessage.send has no idempotency key, so a send whose outcome we never heard
 * must not be sent again: the attempt is recorded before sending, and an unanswered send ends
 * failed with the reason (the message centre has the message), never retried into a second push.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { buildFunctions } from '../../scripts/build-functions'
import { INDEXES } from '../../cloudfunctions/_kit/collections'
import { AdminApi } from '../../local/admin'
import { notificationKey } from '../../types/domain/notification'
import { startTestCloud, type TestCloud } from '../support/cloud'
import { clearFakeNow, setBeijingNow } from '../support/clock'

const functionsDir = mkdtempSync(join(tmpdir(), 'notify-uncertain-fns-'))
let t: TestCloud
let at: number

beforeAll(async () => {
  await buildFunctions(['notify'], undefined, functionsDir)
  t = await startTestCloud({ functionsDir, indexes: INDEXES })
  at = setBeijingNow('2026-09-28', '09:00').getTime()
})
afterAll(async () => {
  clearFakeNow()
  await t?.close()
})

const DATA = { matterName: '普通护照签发', time: '2026-09-29 09:00-09:30', place: '二楼出入境窗口 3号窗口', code: 'AB23CD45' }

async function queued(recipient: string, extra: object = {}) {
  const subjectId = `bk-${recipient.replace(/\W/g, '').padEnd(20, '0').slice(0, 20)}`
  const _id = notificationKey('booking.confirmed', subjectId, recipient)
  await t.db.collection('outbox').add({
    data: {
      _id,
      event: 'booking.confirmed',
      subjectId,
      subjectRoot: subjectId,
      recipient,
      data: DATA,
      page: `pages/booking/detail/index?id=${subjectId}`,
      status: 'pending',
      attempts: 0,
      createdAt: new Date(at),
      ...extra,
    },
  })
  await t.db.collection('subscriptions').add({
    data: {
      _id: `${recipient}:booking_result`,
      openid: recipient,
      templateKey: 'booking_result',
      remaining: 1,
      longTerm: false,
      lastStatus: 'accept',
      acceptedTotal: 1,
      updatedAt: new Date(at),
    },
  })
  return _id
}

const sendsTo = async (recipient: string) => (await t.sends()).filter((s) => s.touser === recipient)
const item = async (id: string) => (await t.db.collection('outbox').doc(id).get()).data
const drainLater = async (hours: number) => {
  process.env.LOCAL_FAKE_NOW = new Date(at + hours * 3_600_000).toISOString()
  expect((await t.trigger('notify', 'drain')).ok).toBe(true)
}

/** The next wx.openApi request is served (WeChat takes the send) but its connection drops before the answer. */
function dropNextOpenApiAnswer(): () => void {
  const proto = AdminApi.prototype
  const serve = proto.serve
  proto.serve = function (this: AdminApi, req: IncomingMessage, res: ServerResponse) {
    if (String(req.headers['content-type'] ?? '').startsWith('multipart/form-data')) {
      proto.serve = serve
      res.writeHead = (() => res) as typeof res.writeHead
      res.end = (() => {
        req.socket.destroy()
        return res
      }) as typeof res.end
    }
    return serve.call(this, req, res)
  }
  return () => (proto.serve = serve)
}

describe('a send whose answer never came', () => {
  it('when the connection drops after WeChat accepted the send, then it is not sent again and staff see why', async () => {
    const id = await queued('o-uncertain-1')
    const restore = dropNextOpenApiAnswer()
    try {
      await drainLater(0)
    } finally {
      restore()
    }
    expect(await sendsTo('o-uncertain-1')).toHaveLength(1)
    expect(await item(id)).toMatchObject({ status: 'failed', lastError: { reason: expect.stringContaining('发送结果未知') } })
    // Later drains leave it alone, and the grant stays used: WeChat may have delivered with it.
    await drainLater(5)
    expect(await sendsTo('o-uncertain-1')).toHaveLength(1)
    expect((await t.db.collection('subscriptions').doc('o-uncertain-1:booking_result').get()).data.remaining).toBe(0)
    expect((await t.db.collection('messages').doc(id).get()).data).toMatchObject({ openid: 'o-uncertain-1', title: '预约成功' })
  })

  it('when a drain takes over an item whose send was recorded but never settled, then it does not send it again', async () => {
    const id = await queued('o-uncertain-2', {
      status: 'sending',
      attempts: 1,
      claim: 'dead-invocation',
      leaseUntil: new Date(at - 60_000),
      sendAttemptAt: new Date(at - 90_000),
      grant: { id: 'o-uncertain-2:booking_result', kind: 'one_time' },
    })
    await drainLater(0)
    expect(await sendsTo('o-uncertain-2')).toHaveLength(0)
    expect(await item(id)).toMatchObject({ status: 'failed', lastError: { reason: expect.stringContaining('发送结果未知') } })
  })

  it('when WeChat answers busy, then the item is retried and sent exactly once', async () => {
    const id = await queued('o-uncertain-3')
    t.cloud.setOpenapiFailures({ transient: 1 })
    try {
      await drainLater(0)
    } finally {
      t.cloud.setOpenapiFailures(null)
    }
    expect(await item(id)).toMatchObject({ status: 'retry' })
    expect((await item(id)).sendAttemptAt).toBeUndefined()
    await drainLater(1)
    expect(await item(id)).toMatchObject({ status: 'sent' })
    expect(await sendsTo('o-uncertain-3')).toHaveLength(1)
  })
})
