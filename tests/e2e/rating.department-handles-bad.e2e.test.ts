/**
 * A 差评 handled in a browser, as the department and the centre office would: a citizen's finished
 * passport case is rated 非常不满意 through the API; the 出入境 lead (陈静) finds it in the 差评工单
 * with its light and due date, verifies it with a call-back note and asks for an extension; the
 * office (效能监督) approves it in its 待我审核 view; the lead replies and the list shows the new
 * state. A second 差评 left alone shows 超期 in red once the server clock passes its due date.
 * The server clock starts on Monday 2026-11-02 10:00 Beijing time.
 */
import type { Page } from 'playwright-core'
import { ratingContract } from '../../types/contracts'
import { pageUrl, ROUTES } from '../../types/routes'
import { dataOf, invokeApi } from '../support/calls'
import { setBeijingNow } from '../support/clock'
import { LEAD, SUPERVISOR } from '../support/demo'
import { newRequestId } from '../support/people'
import { answerModal, appForFile, go, screenshot, shown, waitForText, screenshotsAtPhoneWidths } from './support/app'
import { approvedPassportCase } from './support/case-pages'

const CITIZEN = 'demo-citizen-a'
const TEXT = '护照等了半个月还没办好，打电话13912345678也没人接'

const app = appForFile('2026-11-02', '10:00')

/** A passport case of the citizen, approved (办结) through the real case actions, then rated 非常不满意. */
async function badRating(seq: number, text: string): Promise<string> {
  const caseId = await approvedPassportCase(app, CITIZEN, seq)
  const rated = await invokeApi(app.cloud, ratingContract)(
    {
      action: 'rate',
      objectKind: 'case',
      objectId: caseId,
      level: 'very_dissatisfied',
      tags: ['超过承诺时限未办结'],
      text,
      requestId: newRequestId(),
    },
    CITIZEN,
  )
  return dataOf(rated).ratingId
}

async function confirmModal(page: Page, expectText: RegExp) {
  await answerModal(page, expectText)
  await page.locator('.taro-modal__content:visible').waitFor({ state: 'hidden' })
}

const list = (page: Page) => shown(page).locator('.staff-ratings')
const detail = (page: Page) => shown(page).locator('.staff-rating')
const card = (page: Page, text: string) => list(page).locator('.bad-card').filter({ hasText: text })

/** Opens a loop step's panel, fills it, sends it and confirms; waits for the panel to close on success. */
async function step(page: Page, label: string, fill: () => Promise<void>, confirmText: RegExp) {
  const view = detail(page)
  await view.locator('.staff-rating__actions').getByText(label, { exact: true }).click()
  await fill()
  await view.locator('.bad-step').getByText(`提交${label}`, { exact: true }).click()
  await confirmModal(page, confirmText)
  await view.locator('.bad-step').waitFor({ state: 'detached' })
}

describe('a 差评 through the department’s worklist and the office’s decision', () => {
  let handled = ''
  let late = ''

  beforeAll(async () => {
    late = await badRating(61, '窗口工作人员态度不好，说话很不耐烦')
    handled = await badRating(62, TEXT)
  }, 60_000)

  it('when the lead opens the 差评工单, then each 差评 shows its light in words, the due date and the masked text', async () => {
    const { page } = await app.open(LEAD)
    await go(page, app, pageUrl(ROUTES.staffRatings))
    const mine = card(page, '护照等了半个月')
    await waitForText(mine.locator('.bad-light'), /^●\s*正常$/)
    await mine.getByText('待核实 · 核实回访 · 期限11月3日').waitFor()
    await mine.getByText('护照等了半个月还没办好，打电话139****5678也没人接').waitFor()
    await mine.getByText('非常不满意 · 超过承诺时限未办结').waitFor()
    expect(await list(page).innerText()).not.toContain('13912345678')
    expect(await list(page).locator('.bad-card').count()).toBe(2)
    await screenshotsAtPhoneWidths(page, 'rating-staff-1-list', () => card(page, '护照等了半个月').waitFor())
  })

  it('when the lead verifies with a call-back note and asks for an extension, then the 差评 is being rectified and waits for the office', async () => {
    const { page } = await app.open(LEAD)
    await go(page, app, pageUrl(ROUTES.staffRatings))
    await card(page, '护照等了半个月').click()
    const view = detail(page)
    await view.getByText('核实回访 · 期限2026年11月3日（周二）').waitFor()
    expect(await view.locator('.staff-rating__actions .big-button').allInnerTexts()).toEqual(['核实回访', '申诉'])

    // Too short: refused on the device with the contract's words, before anything is asked or sent.
    await view.locator('.staff-rating__actions').getByText('核实回访', { exact: true }).click()
    await view.locator('.form-field--note textarea').fill('已回访')
    await view.getByText('提交核实回访', { exact: true }).click()
    await waitForText(view.locator('.form-field--note .form-field__error'), '请写明情况（至少5个字）')
    await view.getByText('取消', { exact: true }).click()

    await step(
      page,
      '核实回访',
      () => view.locator('.form-field--note textarea').fill('已电话联系评价人，护照因系统故障延误，正在协调'),
      /提交后进入整改环节/,
    )
    await view.locator('.staff-rating__state').getByText('整改中').waitFor()
    await view.getByText('整改反馈 · 期限2026年11月16日（周一）').waitFor()
    await view.getByText('已电话联系评价人，护照因系统故障延误，正在协调').waitFor()

    await step(
      page,
      '申请延期',
      async () => {
        await view.locator('.form-field--days input').fill('5')
        await view.locator('.form-field--reason textarea').fill('需协调省出入境系统修复制证故障')
      },
      /每条差评只能申请一次延期/,
    )
    await view.getByText('延期5个工作日待中心办公室审核').waitFor()
    await view.getByText('中心办公室审核 · 期限2026年11月5日（周四）').waitFor()
    // Once only, and no reply while the office decides.
    expect(await view.locator('.staff-rating__actions .big-button').allInnerTexts()).toEqual(['申诉'])
    await screenshotsAtPhoneWidths(page, 'rating-staff-2-detail', () => detail(page).getByText('延期5个工作日待中心办公室审核').waitFor())
  })

  it('when the office opens 待我审核 and approves the extension, then the reply is due 5 working days later', async () => {
    const { page } = await app.open(SUPERVISOR)
    await go(page, app, pageUrl(ROUTES.staffRatings))
    await list(page).locator('.choice-chips--view').getByText('待我审核', { exact: true }).click()
    const waiting = card(page, '护照等了半个月')
    await waiting.getByText('延期5个工作日待中心办公室审核').waitFor()
    expect(await list(page).locator('.bad-card').count()).toBe(1)
    await screenshot(page, 'rating-staff-3-office')
    await waiting.click()

    const view = detail(page)
    await step(
      page,
      '审核延期',
      async () => {
        await view.getByText('部门申请延期5个工作日：需协调省出入境系统修复制证故障').waitFor()
        await view.locator('.choice-chips--approve').getByText('同意延期', { exact: true }).click()
      },
      /部门按审核后的期限整改/,
    )
    await view.getByText('中心办公室同意延期').waitFor()
    await view.getByText('整改反馈 · 期限2026年11月23日（周一）').waitFor()
    await view.getByText('当前环节不需要您操作。').waitFor()
  })

  it('when the lead replies, then the list shows it as 已整改反馈 with nothing left due', async () => {
    const { page } = await app.open(LEAD)
    await go(page, app, pageUrl(ROUTES.staffRating, { id: handled }))
    const view = detail(page)
    await step(
      page,
      '整改反馈',
      () => view.locator('.form-field--text textarea').fill('制证故障已修复，护照已制好，请到1号窗口领取'),
      /评价人会收到整改反馈/,
    )
    await view.locator('.staff-rating__state').getByText('已整改反馈').waitFor()
    await view.getByText('已反馈，等待评价人追评').waitFor()

    await go(page, app, pageUrl(ROUTES.staffRatings, { state: 'replied' }))
    await list(page).locator('.choice-chips--state').getByText('✓ 已整改反馈').waitFor()
    await card(page, '护照等了半个月').getByText('已整改反馈 · 已反馈，等待评价人追评').waitFor()
    expect(await list(page).locator('.bad-card').count()).toBe(1)
  })

  it('when a call-back is past its due date, then its card comes first with 超期 in red', async () => {
    setBeijingNow('2026-11-04', '09:00')
    const { page } = await app.open(LEAD)
    await go(page, app, pageUrl(ROUTES.staffRatings))
    const first = list(page).locator('.bad-card').first()
    await first.getByText('窗口工作人员态度不好，说话很不耐烦').waitFor()
    await waitForText(first.locator('.bad-light'), /^●\s*超期$/)
    expect(await first.getAttribute('class')).toContain('bad-card--red')
    expect(await first.locator('.bad-light').evaluate((e) => getComputedStyle(e).backgroundColor)).toBe('rgb(179, 38, 30)')
    await first.getByText('待核实 · 核实回访 · 期限11月3日').waitFor()
    await screenshotsAtPhoneWidths(page, 'rating-staff-4-late', () => list(page).locator('.bad-card--red').first().waitFor())
    expect(late).toMatch(/^rt-/)
  })
})
