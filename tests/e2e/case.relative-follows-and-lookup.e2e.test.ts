/**
 * 亲属代查 in a browser, as the family would do it: the son (张伟) has a passport case in
 * process; he shares it from its progress page and reads the code to his father over the phone;
 * the father (张建国) types it in and follows; he sees the stage and the due date; when the passport
 * is ready he sees 待领取 and where, but never the pickup code; the son revokes, and the father's
 * view is gone. Then the public 进度查询 form: the son reads out the case's query code (查询码)
 * from his case page; wrong data answers one message, the right data a coarse stage, and too many
 * misses of one's own answer when to try again. The staff steps run through the case
 * function directly (case.apply-supplement-and-pickup.e2e.test.ts drives them in the staff pages). The server clock is fixed at
 * Monday 2026-09-28 09:00 Beijing time.
 */
import type { Page } from 'playwright-core'
import { newCaseNumber } from '../../types/domain/case-number'
import { formatQueryCode, LOOKUP_MISS_MESSAGE, newQueryCode } from '../../types/domain/lookup'
import { idNumberFor, newRequestId } from '../support/people'
import { invokeApi, type EventOf } from '../support/calls'
import { caseContract } from '../../types/contracts'
import type { ActionName, ActionOutput } from '../../types/contracts/contract'
import { appForFile, go, screenshot, shown, waitForText } from './support/app'

const SON = 'demo-citizen-a'
const FATHER = 'demo-relative' // 张建国, 张伟's father
const STRANGER = 'demo-citizen-b'
const CLERK = 'demo-staff-crj'
const ID_NUMBER = idNumberFor(4321)
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2_000, 5)])

const app = appForFile()

/** One case-function call as `openid`; fails the test on an error answer. */
async function call<K extends ActionName<typeof caseContract>>(
  openid: string,
  event: EventOf<typeof caseContract, K>,
): Promise<ActionOutput<typeof caseContract, K>> {
  const r = await invokeApi(app.cloud, caseContract)(event, openid)
  if (!r.ok) throw new Error(`${event.action}: ${JSON.stringify(r.error)}`)
  return r.data
}

/** The son's passport application, submitted, accepted and in process. */
async function passportInProcess(): Promise<{ caseId: string; caseNo: string }> {
  const { caseId, caseNo } = await call(SON, {
    action: 'createDraft',
    matterId: 'm-passport',
    applicant: { name: '张伟', idNumber: ID_NUMBER, phone: '13912345678' },
    form: {
      applyType: '首次申领',
      purpose: '旅游',
      destination: '泰国',
      birthPlace: '山西省运城市绛县',
      emergencyContact: '张建国',
      emergencyPhone: '13800001111',
    },
    requestId: newRequestId(),
  })
  await call(SON, {
    action: 'uploadMaterial',
    caseId,
    materialIndex: 0,
    fileName: 'id-card.jpg',
    contentType: 'image/jpeg',
    dataBase64: JPEG.toString('base64'),
  })
  await call(SON, { action: 'act', caseId, transition: 'submit' })
  for (const transition of ['startPreReview', 'accept', 'startProcessing'] as const)
    await call(CLERK, { action: 'act', caseId, transition })
  return { caseId, caseNo }
}

/** The h5 stand-in for a WeChat modal: confirms with its confirm button. */
async function confirmModal(page: Page, title: string, screenshotName?: string) {
  const modal = page.locator('.taro-modal__content:visible')
  await modal.getByText(title).first().waitFor()
  if (screenshotName) {
    await page.waitForTimeout(400) // the dialog fades in
    await screenshot(page, screenshotName)
  }
  await modal.locator('.taro-model__confirm').click()
}

describe("the father follows his son's passport case", () => {
  let caseId = ''
  let caseNo = ''
  let code = ''
  let queryCode = ''

  beforeAll(async () => {
    ;({ caseId, caseNo } = await passportInProcess())
  })

  it('when the son opens 分享给家人查看 on his case and makes an invitation, then the page shows a code and the link to send', async () => {
    const { page } = await app.open(SON)
    await go(page, app, `/packages/case/detail/index?id=${caseId}`)
    await shown(page).locator('.case-detail__state').getByText('办理中').waitFor()
    await shown(page).getByText('分享给家人查看', { exact: true }).click()

    const share = shown(page).locator('.follow-share')
    await share.getByText('家人看不到：取件码、您的身份证号和手机号、提交的材料。').waitFor()
    await share.locator('.choice-chips--scope').getByText('✓ 只分享这件办件').waitFor()
    await share.getByText('还没有家人关注。家人接受邀请后会显示在这里。').waitFor()
    await share.getByText('生成邀请', { exact: true }).click()

    // Two groups of four from the alphabet without look-alikes: a code a father can type.
    const grouped = await waitForText(share.locator('.follow-share__code'), /^[A-HJKMNP-Z2-9]{4} [A-HJKMNP-Z2-9]{4}$/)
    code = grouped.replace(/ /g, '')
    await share.locator('.follow-share__qr .qr-code').waitFor()
    await waitForText(share.locator('.follow-share__link'), new RegExp(`#/packages/case/follow/index\\?code=${code}$`))
    await share.getByText(/前有效，只能一人使用/).waitFor()
    await screenshot(page, 'relative-1-son-share')
  })

  it('when the father types the code read to him and taps 关注, then he lands on the case with its stage and due date', async () => {
    expect(code).toMatch(/^[A-HJKMNP-Z2-9]{8}$/)
    const { page } = await app.open(FATHER)
    // 我关注的办件 is under the 我的 tab.
    await go(page, app, '/pages/mine/index')
    await shown(page).getByText('家人分享给我的办件进度').waitFor()
    await screenshot(page, 'relative-0-father-mine')
    await shown(page).getByText('我关注的办件', { exact: true }).click()
    await shown(page).getByText('您还没有关注家人的办件').waitFor()
    await shown(page).getByText('输入邀请码', { exact: true }).click()

    const form = shown(page).locator('.follow-accept')
    // Read aloud in groups of four and typed in lower case: neither matters.
    await form.locator('.form-field--code input').fill(code.replace(/(.{4})(?=.)/g, '$1 ').toLowerCase())
    await form.locator('.choice-chips--relation').getByText('✓ 爸爸', { exact: true }).waitFor()
    await page.waitForTimeout(300) // the page slides in
    await screenshot(page, 'relative-2-father-code')
    await form.getByText('关注办件进度', { exact: true }).click()

    const view = shown(page).locator('.followed')
    await view.getByText('关注成功，办理有进展时会通知您').waitFor()
    await view.locator('.case-detail__state').getByText('办理中').waitFor()
    await waitForText(view.locator('.case-detail__no'), `办件编号 ${caseNo}`)
    await view.getByText('申请人 张*').waitFor()
    await view
      .locator('.info-row')
      .filter({ hasText: '办结期限' })
      .getByText(/^2026年\d+月\d+日（周.）$/)
      .waitFor()
    // The timeline in plain outcomes, as the applicant reads it.
    await view.getByText('已受理', { exact: true }).waitFor()
    const text = await view.innerText()
    for (const secret of [ID_NUMBER, ID_NUMBER.slice(-4), '13912345678', '张伟', 'id-card.jpg']) expect(text).not.toContain(secret)
    await screenshot(page, 'relative-3-father-followed')

    // The son sees who follows.
    const son = await app.open(SON)
    await go(son.page, app, `/packages/case/share/index?id=${caseId}`)
    await shown(son.page).locator('.follow-share__follower-name').getByText('爸爸').waitFor()
  })

  it('when the passport is ready, then the father sees 待领取 and where, but not the pickup code', async () => {
    await call(CLERK, { action: 'act', caseId, transition: 'approve', fee: { amount: 120 } })
    await call(CLERK, { action: 'act', caseId, transition: 'readyForPickup' })
    const pickupCode = (await call(SON, { action: 'getCase', caseId })).result!.pickup!.code!
    expect(pickupCode).toMatch(/^\d{6}$/)

    const { page } = await app.open(FATHER)
    await go(page, app, '/packages/case/followed-list/index')
    const card = shown(page).locator('.followed-card').filter({ hasText: caseNo })
    await card.getByText('待领取').waitFor()
    await card.getByText('已办好，可以领取了').waitFor()
    await screenshot(page, 'relative-4-father-list')
    await card.click()

    const view = shown(page).locator('.followed')
    await view.locator('.case-detail__state').getByText('待领取').waitFor()
    const ready = view.locator('.followed__ready')
    await ready.getByText('已办好，可以领取了').waitFor()
    await ready
      .locator('.info-row')
      .filter({ hasText: '领取窗口' })
      .getByText(/\d+号窗口/)
      .waitFor()
    await ready.locator('.info-row').filter({ hasText: '地点' }).locator('.info-row__value').waitFor()
    await ready.getByText('取件码只发给申请人本人。如需代领，请向申请人要取件码。').waitFor()
    expect(await view.innerText()).not.toContain(pickupCode)
    await screenshot(page, 'relative-5-father-ready')
  })

  it('when the son revokes his father, then the father’s view of the case is gone', async () => {
    const son = await app.open(SON)
    await go(son.page, app, `/packages/case/share/index?id=${caseId}`)
    const row = shown(son.page).locator('.follow-share__follower').filter({ hasText: '爸爸' })
    await row.getByText(/^可看：普通护照签发 · /).waitFor()
    await screenshot(son.page, 'relative-6-son-followers')
    await row.getByText('取消关注', { exact: true }).click()
    await confirmModal(son.page, '取消关注', 'relative-7-son-revoke')
    await shown(son.page).getByText('还没有家人关注。家人接受邀请后会显示在这里。').waitFor()

    const { page } = await app.open(FATHER)
    await go(page, app, `/packages/case/followed/index?id=${caseId}`)
    const gone = shown(page).locator('.followed__gone')
    await gone.getByText('未找到该办件').waitFor()
    await gone.getByText('申请人可能已取消您的关注。如需继续关注，请让家人重新分享。').waitFor()
    expect(await shown(page).locator('.case-detail__card').count()).toBe(0)
    await screenshot(page, 'relative-8-father-revoked')

    await go(page, app, '/packages/case/followed-list/index')
    await shown(page).getByText('您还没有关注家人的办件').waitFor()
  })

  it('when the son opens his case, then it shows the query code to read out to his father', async () => {
    queryCode = (await call(SON, { action: 'getCase', caseId })).queryCode!
    expect(queryCode).toMatch(/^\d{12}$/)
    const { page } = await app.open(SON)
    await go(page, app, `/packages/case/detail/index?id=${caseId}`)
    await waitForText(shown(page).locator('.case-detail__query-code'), formatQueryCode(queryCode))
    await shown(page)
      .getByText(/^家人凭办件编号、查询码/)
      .waitFor()
    await screenshot(page, 'relative-9-son-query-code')
  })

  it('when the father uses 进度查询 with a wrong name, then the generic message answers; with the right data, the coarse stage', async () => {
    const { page } = await app.open(FATHER)
    await go(page, app, '/pages/index/index')
    await shown(page).getByText('进度查询', { exact: true }).click()
    const form = shown(page).locator('.lookup')
    await form.locator('.form-field--caseNo input').fill(caseNo)
    await form.locator('.form-field--queryCode input').fill(queryCode)
    await form.locator('.form-field--name input').fill('张卫')
    await form.locator('.form-field--idLast4 input').fill(ID_NUMBER.slice(-4))
    await form.getByText('查询', { exact: true }).click()
    await waitForText(form.locator('.lookup__failure--miss'), LOOKUP_MISS_MESSAGE)
    await screenshot(page, 'relative-10-lookup-miss')

    await form.locator('.form-field--name input').fill('张伟')
    await form.getByText('查询', { exact: true }).click()
    const answer = shown(page).locator('.lookup')
    await waitForText(answer.locator('.lookup__stage'), '可领取')
    await waitForText(answer.locator('.lookup__no'), `办件编号 ${caseNo}`)
    await answer.getByText('普通护照签发').waitFor()
    await answer.getByText(/\d+号窗口/).waitFor()
    const text = await answer.innerText()
    for (const secret of ['张伟', ID_NUMBER.slice(-4), '13912345678', queryCode]) expect(text).not.toContain(secret)
    await screenshot(page, 'relative-11-lookup-found')
  })

  it('when someone has failed 5 lookups within the hour, then the form says when to try again; the father is not held back by it', async () => {
    const random = (n: number) => Math.floor(Math.random() * n)
    // The stranger even knows the case number, the name and the last 4: only the code is missing.
    for (let i = 0; i < 5; i++) {
      const r = (await app.cloud.invoke(
        'case',
        {
          action: 'lookup',
          caseNo: i % 2 ? caseNo : newCaseNumber(random),
          queryCode: newQueryCode(random),
          name: '张伟',
          idLast4: ID_NUMBER.slice(-4),
        },
        { openid: STRANGER },
      )) as { error?: { code: string } }
      expect(r.error?.code).toBe('NOT_FOUND')
    }
    const { page } = await app.open(STRANGER)
    await go(page, app, '/packages/case/lookup/index')
    const form = shown(page).locator('.lookup')
    await form.locator('.form-field--caseNo input').fill(caseNo)
    await form.locator('.form-field--queryCode input').fill(queryCode)
    await form.locator('.form-field--name input').fill('张伟')
    await form.locator('.form-field--idLast4 input').fill(ID_NUMBER.slice(-4))
    await form.getByText('查询', { exact: true }).click()
    await waitForText(form.locator('.lookup__failure--limited'), '查询失败次数过多，请于9月28日 10:00后再试')
    await screenshot(page, 'relative-12-lookup-limited')
    const father = (await app.cloud.invoke(
      'case',
      { action: 'lookup', caseNo, queryCode, name: '张伟', idLast4: ID_NUMBER.slice(-4) },
      { openid: FATHER },
    )) as { ok: boolean }
    expect(father.ok).toBe(true)
  })

  it('when the son replaces the query code, then the page shows the new one and the old one no longer finds the case', async () => {
    const { page } = await app.open(SON)
    await go(page, app, `/packages/case/detail/index?id=${caseId}`)
    await waitForText(shown(page).locator('.case-detail__query-code'), formatQueryCode(queryCode))
    await shown(page).locator('.case-detail__query-reset').click()
    const modal = page.locator('.taro-modal__content:visible')
    await modal
      .locator('.taro-modal__text')
      .getByText(/旧查询码立即失效/)
      .waitFor()
    await modal.locator('.taro-model__confirm').click()
    const fresh = (await call(SON, { action: 'getCase', caseId })).queryCode as string
    expect(fresh).not.toBe(queryCode)
    await waitForText(shown(page).locator('.case-detail__query-code'), formatQueryCode(fresh))
    await screenshot(page, 'relative-13-son-new-query-code')
    const old = (await app.cloud.invoke(
      'case',
      { action: 'lookup', caseNo, queryCode, name: '张伟', idLast4: ID_NUMBER.slice(-4) },
      { openid: FATHER },
    )) as { ok: boolean }
    expect(old.ok).toBe(false)
    const found = (await app.cloud.invoke(
      'case',
      { action: 'lookup', caseNo, queryCode: fresh, name: '张伟', idLast4: ID_NUMBER.slice(-4) },
      { openid: FATHER },
    )) as { ok: boolean }
    expect(found.ok).toBe(true)
  })
})
