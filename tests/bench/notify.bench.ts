/**
 * Notification delivery speed: outbox items drained per second through the real path (timer
 * trigger → notify function → wx-server-sdk → HTTP admin API → store, and openapi.subscribeMessage.send),
 * each item claimed, written to the message centre, its grant taken, sent and settled. Measured
 * clean and with 30 % transient / 5 % permanent injected failures (the retries then wait for later runs).
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildFunctions } from '../../scripts/build-functions'
import { INDEXES } from '../../cloudfunctions/_kit/collections'
import { startLocalCloud, type LocalCloud } from '../../local'
import { PUSH_EVENTS, notificationKey } from '../../types/domain/notification'
import { EVENT_TEMPLATE } from '../../types/domain/templates'
import { clearFakeNow, setBeijingNow } from '../support/clock'
import type { TestDatabase } from '../support/cloud'

const ITEMS = 2000
const DATA = {
  matterName: '中华人民共和国普通护照签发',
  time: '2026-09-29 09:00-09:30',
  place: '二楼出入境窗口 3号窗口',
  code: 'AB23CD45',
  ticket: 'A012',
  ahead: 3,
  caseNo: 'ZW20260928000123',
  promisedDays: 10,
  items: 2,
  reason: '材料不清晰',
  topic: '营业执照变更',
  department: '市场监管局',
}

async function fill(db: TestDatabase, tag: string, at: number): Promise<void> {
  const docs = Array.from({ length: ITEMS }, (_, i) => {
    const event = PUSH_EVENTS[i % PUSH_EVENTS.length]
    const recipient = `o-${tag}-${i}`
    const subjectId = `s-${tag}-${i}`
    return {
      _id: notificationKey(event, subjectId, recipient),
      event,
      subjectId,
      recipient,
      data: DATA,
      page: `pages/case/detail/index?id=${subjectId}`,
      status: 'pending',
      attempts: 0,
      createdAt: new Date(at + i),
    }
  })
  for (let i = 0; i < docs.length; i += 100) {
    await Promise.all(
      docs.slice(i, i + 100).flatMap((o) => [
        db.collection('outbox').add({ data: o }),
        db.collection('subscriptions').add({
          data: {
            _id: `${o.recipient}:${EVENT_TEMPLATE[o.event]}`,
            openid: o.recipient,
            templateKey: EVENT_TEMPLATE[o.event],
            remaining: 1,
            longTerm: false,
            lastStatus: 'accept',
            acceptedTotal: 1,
            updatedAt: new Date(at),
          },
        }),
      ]),
    )
  }
}

async function drainAll(cloud: LocalCloud): Promise<{ seconds: number; handled: number; runs: number }> {
  const t0 = performance.now()
  let handled = 0
  let runs = 0
  for (;;) {
    const r = (await cloud.trigger('notify', 'drain')) as { data: Record<string, number | boolean> }
    runs++
    const n = ['sent', 'failed', 'noConsent', 'retry'].reduce((s, k) => s + Number(r.data[k] ?? 0), 0)
    handled += n
    if (!r.data.more) break
  }
  return { seconds: (performance.now() - t0) / 1000, handled, runs }
}

export async function run(): Promise<void> {
  const functionsDir = mkdtempSync(join(tmpdir(), 'bench-notify-'))
  await buildFunctions(['notify'], undefined, functionsDir)
  const cloud = await startLocalCloud({ port: 0, functionsDir, indexes: INDEXES, log: () => undefined })
  try {
    const at = setBeijingNow('2026-09-28', '09:00').getTime()
    const { db } = await import('./bench-db').then((m) => m.connect(cloud.url))
    await fill(db, 'clean', at)
    const clean = await drainAll(cloud)
    await fill(db, 'flaky', at)
    cloud.setOpenapiFailures({ transient: 0.3, permanent: 0.05 })
    const flaky = await drainAll(cloud)
    const sends = (await cloud.sends()).length

    console.log(`\n## notify (${ITEMS} outbox items per run, each to its own recipient with a grant, in-memory store)`)
    console.log(
      `drain, clean WeChat              ${(clean.handled / clean.seconds).toFixed(0)} messages/s   (${clean.handled} in ${clean.seconds.toFixed(1)} s, ${clean.runs} trigger run(s))`,
    )
    console.log(
      `drain, 30 % transient, 5 % perm. ${(flaky.handled / flaky.seconds).toFixed(0)} items/s      (first attempts only; retries wait for their backoff)`,
    )
    console.log(`subscribe messages captured      ${sends}`)
    console.log(`one item = claim + message centre insert + grant decrement + send + settle: 5 round trips through the SDK`)
  } finally {
    clearFakeNow()
    await cloud.close()
  }
}

if (require.main === module)
  run().catch((e) => {
    console.error(e)
    process.exit(1)
  })
