/**
 * The 服务号 as the second push channel: a user with no subscription grant who follows the centre's
 * 服务号 (matched by UnionID) gets its template message, opening the same mini-program page; each
 * delivery records its channel; template send errors are classified; and a template send whose
 * answer was lost goes again with the same client_msg_id, which WeChat (here the local cloud's
 * fake 服务号) delivers once.
 */
import { accountContract, notifyContract } from '../../types/contracts'
import { notificationKey } from '../../types/domain/notification'
import { TEMPLATES } from '../../types/domain/templates'
import { unionidFor } from '../../local/wxcontext'
import { A, B, startDemoCloud, SUPERVISOR } from '../support/demo'
import { dataOf } from '../support/calls'
import { setBeijingNow } from '../support/clock'
import { cloudForFile } from '../support/for-file'

const t = cloudForFile(() => startDemoCloud(['account', 'notice', 'notify']))

let day = 0
let seq = 0
/** Each test on its own day, hours after the last follower listing, so a new listing runs. */
beforeEach(() => {
  day++
  setBeijingNow(`2026-10-${String(day).padStart(2, '0')}`, '09:00')
  t.cloud.officialAccount.failWith(null)
  t.cloud.officialAccount.failTemplateSends()
})

const oaOpenidOf = (openid: string) => `oa-${openid}`
const follow = (...openids: string[]) =>
  t.cloud.officialAccount.setFollowers(openids.map((o) => ({ openid: oaOpenidOf(o), unionid: unionidFor(o) })))
const syncFollowers = async () => dataOf(await t.trigger('notice', 'tick', 'syncFollowers'))
const drain = async () => dataOf(await t.trigger('notify', 'drain'))
const opensApp = (openid: string) => t.api(accountContract)({ action: 'whoami' }, openid)
const item = async (id: string) => (await t.db.collection('outbox').doc(id).get()).data
const templateSendsTo = (openid: string) => t.cloud.officialAccount.templateSends().filter((s) => s.touser === oaOpenidOf(openid))
const subscriptionSendsOf = async (id: string) => (await t.sends()).filter((s) => s.page.includes(encodeURIComponent(id)))
const later = (minutes: number) => {
  process.env.LOCAL_FAKE_NOW = new Date(new Date(process.env.LOCAL_FAKE_NOW!).getTime() + minutes * 60_000).toISOString()
}

async function caseApproved(recipient: string, extra: object = {}) {
  const subjectId = `cs-${String(++seq).padStart(20, '0')}`
  const _id = notificationKey('case.approved', subjectId, recipient)
  await t.db.collection('outbox').add({
    data: {
      _id,
      event: 'case.approved',
      subjectId,
      subjectRoot: subjectId,
      recipient,
      data: { matterName: '普通护照签发', caseNo: 'ZW20261001000123', deptName: '出入境管理大队' },
      page: `pages/case/detail/index?id=${subjectId}`,
      status: 'pending',
      attempts: 0,
      createdAt: new Date(process.env.LOCAL_FAKE_NOW!),
      ...extra,
    },
  })
  return _id
}

describe('choosing the channel', () => {
  it('when a citizen with no subscription grant follows the 服务号, then the template message goes there and a tap opens the case page', async () => {
    await opensApp(A)
    follow(A)
    expect(await syncFollowers()).toMatchObject({ seen: 1, linked: 1 })
    const id = await caseApproved(A)
    expect(await drain()).toMatchObject({ sent: 1 })

    const [sent, ...more] = templateSendsTo(A)
    expect(more).toHaveLength(0)
    expect(sent.templateId).toBe('oa-tpl-case_progress')
    expect(sent.miniprogram.pagepath).toBe(`pages/case/detail/index?id=${id.split(':')[1]}&msgId=${encodeURIComponent(id)}`)
    // The same keywords and values as the subscription template would have carried.
    expect(Object.keys(sent.data).sort()).toEqual(Object.keys(TEMPLATES.case_progress.fields).sort())
    expect(Object.values(sent.data).map((v) => v.value)).toContain('普通护照签发')
    expect(await subscriptionSendsOf(id)).toHaveLength(0)
    expect(await item(id)).toMatchObject({ status: 'sent', channel: 'official_account', templateKey: 'case_progress' })
  })

  it('when the citizen holds a subscription grant, then the subscription message goes and the 服务号 stays quiet', async () => {
    await opensApp(A)
    follow(A)
    await syncFollowers()
    await t.api(notifyContract)({ action: 'reportGrants', grants: [{ templateKey: 'case_progress', status: 'accept' }] }, A)
    const before = templateSendsTo(A).length
    const id = await caseApproved(A)
    await drain()
    expect(await subscriptionSendsOf(id)).toHaveLength(1)
    expect(templateSendsTo(A)).toHaveLength(before)
    expect(await item(id)).toMatchObject({ status: 'sent', channel: 'subscription' })
  })

  it('when the citizen neither subscribed nor follows, then only the message centre has it, and staff see that channel', async () => {
    await opensApp(B)
    follow(A)
    await syncFollowers()
    const id = await caseApproved(B)
    expect(await drain()).toMatchObject({ noConsent: 1 })
    expect(templateSendsTo(B)).toHaveLength(0)
    expect(await item(id)).toMatchObject({ status: 'no_consent', channel: 'message_centre' })
    const messages = dataOf(await t.api(notifyContract)({ action: 'myMessages' }, B)).messages
    expect(messages.map((m) => m.messageId)).toContain(id)
  })

  it('when someone follows the 服务号 but never opened the mini-program, then nothing links them and nothing is sent to them', async () => {
    follow('never-opened-app')
    expect(await syncFollowers()).toMatchObject({ seen: 1, linked: 1 })
    const id = await caseApproved('never-opened-app')
    await drain()
    expect(await item(id)).toMatchObject({ status: 'no_consent' })
    expect(templateSendsTo('never-opened-app')).toHaveLength(0)
  })
})

describe('the follower listing', () => {
  it('when the listing spans pages, then every follower is recorded; when one stops following, the next listing marks them', async () => {
    await Promise.all([A, B].map(opensApp))
    t.cloud.officialAccount.setFollowers(
      [A, B, 'x1', 'x2', 'x3'].map((o) => ({ openid: oaOpenidOf(o), unionid: unionidFor(o) })),
      2,
    )
    expect(await syncFollowers()).toMatchObject({ seen: 5, running: false })
    const followers = async () =>
      (await t.db.collection('oa_followers').where({ following: true }).get()).data.map((f) => f.oaOpenid).sort()
    expect(await followers()).toEqual([A, B, 'x1', 'x2', 'x3'].map(oaOpenidOf).sort())

    // Within the listing interval nothing is asked again.
    expect(await syncFollowers()).toMatchObject({ skipped: '本轮关注者已同步' })
    later(3 * 60)
    t.cloud.officialAccount.setFollowers([A, 'x1'].map((o) => ({ openid: oaOpenidOf(o), unionid: unionidFor(o) })))
    expect(await syncFollowers()).toMatchObject({ seen: 2, linked: 0, unfollowed: 3 })
    expect(await followers()).toEqual([A, 'x1'].map(oaOpenidOf).sort())
    const id = await caseApproved(B)
    await drain()
    expect(await item(id)).toMatchObject({ status: 'no_consent', channel: 'message_centre' })
  })

  it('when the 服务号 is not bound to the 开放平台 (no unionid), then those followers are counted and never linked', async () => {
    t.cloud.officialAccount.setFollowers([{ openid: 'oa-unbound' }])
    expect(await syncFollowers()).toMatchObject({ seen: 1, linked: 0, withoutUnionid: 1 })
  })

  it('when the 服务号 API fails, then the followers already known stay', async () => {
    await opensApp(A)
    follow(A)
    await syncFollowers()
    later(3 * 60)
    t.cloud.officialAccount.failWith(-1)
    expect(await syncFollowers()).toMatchObject({ error: 'errcode -1' })
    t.cloud.officialAccount.failWith(null)
    const id = await caseApproved(A)
    await drain()
    expect(await item(id)).toMatchObject({ status: 'sent', channel: 'official_account' })
  })
})

describe('template send errors', () => {
  it('when WeChat says the user no longer follows (43004), then the item fails with the reason and later pushes skip the 服务号', async () => {
    await opensApp(A)
    follow(A)
    await syncFollowers()
    t.cloud.officialAccount.setFollowers([])
    const id = await caseApproved(A)
    expect(await drain()).toMatchObject({ failed: 1 })
    expect(await item(id)).toMatchObject({ status: 'failed', channel: 'official_account', lastError: { errcode: 43004 } })
    expect((await item(id)).lastError.reason).toContain('取消关注')
    const next = await caseApproved(A)
    await drain()
    expect(await item(next)).toMatchObject({ status: 'no_consent' })
  })

  it('when WeChat is busy (-1), then the template send is retried on the same route and delivered once', async () => {
    await opensApp(A)
    follow(A)
    await syncFollowers()
    t.cloud.officialAccount.failTemplateSends({ errcode: -1 })
    const before = templateSendsTo(A).length
    const id = await caseApproved(A)
    expect(await drain()).toMatchObject({ retry: 1 })
    expect(await item(id)).toMatchObject({ status: 'retry', channel: 'official_account', lastError: { errcode: -1 } })
    later(3)
    expect(await drain()).toMatchObject({ sent: 1 })
    expect(templateSendsTo(A)).toHaveLength(before + 1)
  })

  it('when the answer is lost after WeChat delivered, then the resend with the same client_msg_id delivers nothing twice', async () => {
    await opensApp(A)
    follow(A)
    await syncFollowers()
    t.cloud.officialAccount.failTemplateSends({ dropAnswer: true })
    const before = templateSendsTo(A).length
    const id = await caseApproved(A)
    expect(await drain()).toMatchObject({ retry: 1 })
    expect(templateSendsTo(A)).toHaveLength(before + 1)
    later(2)
    expect(await drain()).toMatchObject({ sent: 1 })
    expect(templateSendsTo(A)).toHaveLength(before + 1)
    expect(await item(id)).toMatchObject({ status: 'sent', channel: 'official_account' })
  })

  it('when a drain died between recording a template send and its answer, then a drain within ten minutes sends it again, and after that it gives up', async () => {
    await opensApp(A)
    follow(A)
    await syncFollowers()
    const now = new Date(process.env.LOCAL_FAKE_NOW!).getTime()
    const route = { touser: oaOpenidOf(A), unionid: unionidFor(A), templateId: 'oa-tpl-case_progress', rename: {} }
    const died = { status: 'sending', attempts: 1, channel: 'official_account', oa: route, leaseUntil: new Date(now - 1000) }
    const recent = await caseApproved(A, { ...died, sendAttemptAt: new Date(now - 120_000), firstAttemptAt: new Date(now - 120_000) })
    const old = await caseApproved(A, { ...died, sendAttemptAt: new Date(now - 11 * 60_000), firstAttemptAt: new Date(now - 11 * 60_000) })
    const before = templateSendsTo(A).length
    await drain()
    expect(await item(recent)).toMatchObject({ status: 'sent', channel: 'official_account' })
    expect(await item(old)).toMatchObject({ status: 'failed' })
    expect(templateSendsTo(A)).toHaveLength(before + 1)
  })

  it('staff see which channel each notification took', async () => {
    await opensApp(A)
    follow(A)
    await syncFollowers()
    const id = await caseApproved(A)
    await drain()
    const { deliveries } = dataOf(await t.api(notifyContract)({ action: 'caseDeliveries', subjectId: id.split(':')[1] }, SUPERVISOR))
    expect(deliveries).toEqual([expect.objectContaining({ status: 'sent', channel: 'official_account', statusLabel: '已推送（服务号）' })])
  })
})
