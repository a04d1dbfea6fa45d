/**
 * 督办 in a browser, as the centre office and a department would use it: the supervisor (刘洋)
 * issues a 督办单 about a citizen's passport case from the issue page a case links to (the object
 * prefilled, the applicant never shown); the 出入境 lead (陈静) finds it in 督办, replies in the
 * page; the supervisor checks the reply and closes it. A second order is sent back with 2 more
 * working days; a third, left unanswered, is escalated to 通报 once the server clock passes its
 * due date, and the director (孙明, admin) finds it under 通报 with 超期 in red.
 * The server clock starts on Monday 2026-11-02 10:00 Beijing time.
 */
import type { Page } from 'playwright-core'
import { caseContract, supervisionContract } from '../../types/contracts'
import { pageUrl, ROUTES } from '../../types/routes'
import { dataOf, invokeApi } from '../support/calls'
import { setBeijingNow } from '../support/clock'
import { ADMIN, LEAD, SUPERVISOR } from '../support/demo'
import { newRequestId } from '../support/people'
import { answerModal, appForFile, go, screenshot, screenshotsAtPhoneWidths, shown, waitForText } from './support/app'
import { approvedPassportCase } from './support/case-pages'

const CITIZEN = 'demo-citizen-a'
const app = appForFile('2026-11-02', '10:00')
const sv = () => invokeApi(app.cloud, supervisionContract)

async function confirmModal(page: Page, expectText: RegExp) {
  await answerModal(page, expectText)
  await page.locator('.taro-modal__content:visible').waitFor({ state: 'hidden' })
}

const detail = (page: Page) => shown(page).locator('.sv-order')
const list = (page: Page) => shown(page).locator('.sv-orders')
const card = (page: Page, text: string) => list(page).locator('.order-card').filter({ hasText: text })

/** Opens a step's panel on the order page, fills it, sends it and confirms; waits for the panel to close. */
async function step(page: Page, label: string, fill: () => Promise<void>, confirmText: RegExp) {
  const view = detail(page)
  await view.locator('.sv-order__actions').getByText(label, { exact: true }).click()
  await fill()
  await view.locator('.order-step').getByText(`提交${label}`, { exact: true }).click()
  await confirmModal(page, confirmText)
  await view.locator('.order-step').waitFor({ state: 'detached' })
}

/** An order about no single object (共性问题) for 出入境, issued through the API. */
const patternOrder = async (reason: string) =>
  dataOf(
    await sv()(
      {
        action: 'issueOrder',
        object: { kind: 'pattern' },
        departmentId: 'dept-crj',
        reason,
        requirement: '请梳理原因，制定整改措施并回复',
        requestId: newRequestId(),
      },
      SUPERVISOR,
    ),
  ).orderId

describe('a 督办单 issued, answered in the page, checked and closed; one sent back; one escalated to 通报', () => {
  let caseId = ''
  let caseNo = ''
  let orderId = ''

  beforeAll(async () => {
    caseId = await approvedPassportCase(app, CITIZEN, 71)
    caseNo = dataOf(await invokeApi(app.cloud, caseContract)({ action: 'getCase', caseId }, CITIZEN)).caseNo
  }, 60_000)

  it('when the supervisor opens 发出督办 from a case, then the case is prefilled by number and matter without the applicant, and the order goes out', async () => {
    const { page } = await app.open(SUPERVISOR)
    await go(page, app, pageUrl(ROUTES.supervisionOrderNew, { kind: 'case', id: caseId }))
    const view = detail(page)
    await view.getByText('办件 · 普通护照签发', { exact: true }).waitFor()
    await view.getByText('县公安局出入境管理大队').waitFor()
    await view.getByText('不填为5个工作日，即2026年11月9日（周一）；最多30个工作日').waitFor()
    expect(await view.innerText()).not.toContain('张伟')
    await screenshotsAtPhoneWidths(page, 'duban-1-issue', () => detail(page).getByText(caseNo, { exact: true }).waitFor())

    // Too short: refused on the device with the contract's words, before anything is asked or sent.
    await view.locator('.form-field--reason textarea').fill('慢')
    await view.getByText('提交发出督办', { exact: true }).click()
    await waitForText(view.locator('.form-field--reason .form-field__error'), '请写明督办事由（至少4个字）')

    await view.locator('.form-field--reason textarea').fill('办件超过承诺时限办结，群众反映多次催办')
    await view.locator('.form-field--requirement textarea').fill('请查明延误原因和责任人，回复整改措施')
    await view.getByText('提交发出督办', { exact: true }).click()
    await confirmModal(page, /须在回复期限内回复整改情况/)
    await detail(page).getByText('督办单已发出，已通知县公安局出入境管理大队的负责人。').waitFor()
    await detail(page).locator('.sv-order__state').getByText('待回复').waitFor()
    await detail(page).getByText('等待被督办部门回复。').waitFor()
    orderId = new URL(page.url().replace('/#/', '/')).searchParams.get('id') ?? ''
    expect(orderId).toMatch(/^so-/)
  })

  it('when the lead opens 督办 and replies in the page, then the order waits for the office’s check', async () => {
    const { page } = await app.open(LEAD)
    await go(page, app, pageUrl(ROUTES.supervisionOrders))
    const mine = card(page, caseNo)
    await mine.getByText('办件 · 县公安局出入境管理大队').waitFor()
    await mine.getByText('待回复 · 回复期限11月9日').waitFor()
    await screenshotsAtPhoneWidths(page, 'duban-2-lead-list', () => card(page, caseNo).waitFor())
    await card(page, caseNo).click()

    const view = detail(page)
    await view.getByText('回复期限2026年11月9日（周一）').waitFor()
    expect(await view.innerText()).not.toContain('张伟')
    await step(
      page,
      '回复整改情况',
      () => view.locator('.form-field--text textarea').fill('经查系制证系统故障延误，已督促经办人当日办结，并向申请人致歉'),
      /回复提交后由效能监督核查/,
    )
    await view.locator('.sv-order__state').getByText('待核查').waitFor()
    await view.getByText('经查系制证系统故障延误，已督促经办人当日办结，并向申请人致歉').first().waitFor()
    await view.getByText('部门已回复，等待效能监督核查。').waitFor()
    await screenshotsAtPhoneWidths(page, 'duban-3-lead-replied', () => detail(page).getByText('部门已回复，等待效能监督核查。').waitFor())
  })

  it('when the supervisor checks the reply and closes it, then it is 已办结 with the whole record', async () => {
    const { page } = await app.open(SUPERVISOR)
    await go(page, app, pageUrl(ROUTES.supervisionOrders, { state: 'replied' }))
    await card(page, caseNo).getByText('待核查').waitFor()
    await card(page, caseNo).click()
    const view = detail(page)
    await view.locator('.sv-order__actions').getByText('退回重办', { exact: true }).waitFor()
    expect(await view.locator('.sv-order__actions .big-button').allInnerTexts()).toEqual(['核查办结', '退回重办'])
    await step(page, '核查办结', () => view.locator('.form-field--note textarea').fill('经核查，整改属实'), /办结后督办单结束/)
    await view.locator('.sv-order__state').getByText('已办结').waitFor()
    await view.getByText('该督办单已办结。').waitFor()
    const record = await view.locator('.sv-order__entry-head').allInnerTexts()
    expect(record.map((r) => r.replace(/^\S+ \S+ /, ''))).toEqual([
      '发出督办（刘洋 ZW0004）',
      '部门回复（陈静 ZW0003）',
      '核查办结（刘洋 ZW0004）',
    ])
    await screenshotsAtPhoneWidths(page, 'duban-4-closed', () => detail(page).getByText('该督办单已办结。').waitFor())
    expect(orderId).toMatch(/^so-/)
  })

  it('when the supervisor sends a reply back with 2 more working days, then the order is 已退回 and due 2 working days later', async () => {
    const back = await patternOrder('多名群众反映窗口午间无人值守')
    dataOf(await sv()({ action: 'replyOrder', orderId: back, text: '已安排午间轮岗，每个窗口至少一人在岗' }, LEAD))
    const { page } = await app.open(SUPERVISOR)
    await go(page, app, pageUrl(ROUTES.supervisionOrder, { id: back }))
    const view = detail(page)
    await step(
      page,
      '退回重办',
      async () => {
        await view.locator('.form-field--reason textarea').fill('未附轮岗排班表')
        await view.locator('.form-field--extendDays input').fill('2')
      },
      /须在回复期限内重新回复/,
    )
    await view.locator('.sv-order__state').getByText('已退回').waitFor()
    await view.getByText('回复期限2026年11月11日（周三）').waitFor()
    await view.getByText('未附轮岗排班表', { exact: true }).first().waitFor()
    await view.locator('.staff__title').getByText('共性问题：多名群众反映窗口午间无人值守').waitFor()
    await screenshot(page, 'duban-5-sent-back')
  })

  it('when an order is unanswered past its due date, then the sweep escalates it and the director sees it under 通报 with 超期', async () => {
    const late = await patternOrder('窗口叫号后长时间无人受理')
    setBeijingNow('2026-11-10', '09:00')
    expect(await app.cloud.trigger('supervision', 'tick', 'escalateOrders')).toMatchObject({ ok: true })
    const { page } = await app.open(ADMIN)
    await go(page, app, pageUrl(ROUTES.supervisionOrders, { state: 'escalated' }))
    const first = card(page, '窗口叫号后长时间无人受理')
    await first.locator('.order-flag--escalated').getByText('通报').waitFor()
    await first.locator('.order-flag--overdue').getByText('超期').waitFor()
    expect(await first.getAttribute('class')).toContain('order-card--overdue')
    expect(await first.locator('.order-flag--overdue').evaluate((e) => getComputedStyle(e).backgroundColor)).toBe('rgb(179, 38, 30)')
    await screenshotsAtPhoneWidths(page, 'duban-6-escalated', () => card(page, '窗口叫号后长时间无人受理').waitFor())
    await first.click()
    await detail(page).getByText('逾期未回复').first().waitFor()
    await detail(page).getByText('已通报中心主任。').waitFor()
    expect(await detail(page).locator('.sv-order__actions').count()).toBe(0)

    // The lead's list: the overdue order first, in red.
    const lead = await app.open(LEAD)
    await go(lead.page, app, pageUrl(ROUTES.supervisionOrders))
    const top = list(lead.page).locator('.order-card').first()
    await top.locator('.order-card__title').getByText('共性问题：窗口叫号后长时间无人受理').waitFor()
    expect(await top.getAttribute('class')).toContain('order-card--overdue')
    expect(late).toMatch(/^so-/)
  })
})
