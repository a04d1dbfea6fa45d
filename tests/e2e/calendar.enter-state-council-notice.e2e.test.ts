/**
 * 工作日历 in a browser. The clock starts at 2026-12-15 09:00 Beijing time, when the State Council
 * has not published 2027's holidays: a citizen applies for a passport, the clerk accepts it on
 * Monday 2026-12-28, so its due date lies in provisional January 2027, and a neighbour books a
 * passport slot on Monday 2027-01-04. The administrator sees the banner on the 工作台, pastes a
 * notice for 2027 that makes 4 and 5 January days off, sees the changed dates with the case and
 * the booking among those affected, saves, and the year is official; the citizen then reads the
 * later due date. Rubbish pasted as a notice shows the parser's messages and nothing to save; a
 * day set by hand while someone else saved a change is previewed again before it is saved.
 */
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { longDate } from '../../src/utils/dates'
import { parseHolidayNotice } from '../../types/domain/holiday-notice'
import { builtInCalendar, createWorkingDayCalendar } from '../../types/domain/working-days'
import { setBeijingNow } from '../support/clock'
import { A as CITIZEN, ADMIN, B as NEIGHBOUR, PASSPORT, STAFF as CLERK } from '../support/demo'
import { jpeg } from '../support/files'
import { idNumberFor, newRequestId } from '../support/people'
import { invokeApi, type EventOf } from '../support/calls'
import { appointmentContract, calendarContract, caseContract } from '../../types/contracts'
import type { ActionName, ActionOutput, FunctionContract } from '../../types/contracts/contract'
import { appForFile, artifactsDir, go, screenshot, shown, waitForText } from './support/app'

const app = appForFile('2026-12-15', '09:00')
const PROMISED_DAYS = 7 // m-passport's 承诺时限
const ACCEPTED_ON = '2026-12-28'

/**
 * A made-up notice for 2027 (the real one is not out yet), written the way gov.cn does, every
 * weekday in parentheses right. Item 二 makes Monday 4 and Tuesday 5 January days off.
 */
const NOTICE_2027 = `国务院办公厅关于2027年部分节假日安排的通知
各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
经国务院批准，现将2027年元旦、春节、清明节、劳动节、端午节、中秋节和国庆节放假调休日期的具体安排通知如下。
一、元旦：1月1日（周五）至3日（周日）放假，共3天。
二、冬休：1月4日（周一）至5日（周二）放假，共2天。
三、春节：2月5日（农历除夕、周五）至11日（农历正月初六、周四）放假调休，共7天。2月20日（周六）上班。
四、清明节：4月3日（周六）至5日（周一）放假，共3天。
五、劳动节：5月1日（周六）至5日（周三）放假调休，共5天。4月25日（周日）、5月8日（周六）上班。
六、端午节：6月9日（周三）放假，共1天。
七、中秋节：9月15日（周三）放假，共1天。
八、国庆节：10月1日（周五）至7日（周四）放假调休，共7天。9月26日（周日）、10月9日（周六）上班。
节假日期间，各地区、各部门要妥善安排好值班和安全、保卫等工作。`

/** One function call as `openid`; fails the test on an error answer. */
async function call<F extends FunctionContract, K extends ActionName<F>>(
  contract: F,
  openid: string,
  event: EventOf<F, K>,
): Promise<ActionOutput<F, K>> {
  const r = await invokeApi(app.cloud, contract)(event, openid)
  if (!r.ok) throw new Error(`${contract.name}.${event.action}: ${JSON.stringify(r.error)}`)
  return r.data
}

/** The citizen's passport case: applied and submitted now, pre-reviewed and accepted on `ACCEPTED_ON`. */
async function acceptedPassportCase(): Promise<{ caseId: string; caseNo: string; dueDate: string }> {
  const { caseId, caseNo } = await call(caseContract, CITIZEN, {
    action: 'createDraft',
    matterId: PASSPORT,
    applicant: { name: '张伟', idNumber: idNumberFor(2027), phone: '13912345678' },
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
  await call(caseContract, CITIZEN, {
    action: 'uploadMaterial',
    caseId,
    materialIndex: 0,
    fileName: 'id-card.jpg',
    contentType: 'image/jpeg',
    dataBase64: jpeg(2_000, 3).toString('base64'),
  })
  await call(caseContract, CITIZEN, { action: 'act', caseId, transition: 'submit' })
  setBeijingNow(ACCEPTED_ON, '09:00')
  for (const transition of ['startPreReview', 'accept'] as const) await call(caseContract, CLERK, { action: 'act', caseId, transition })
  const view = await call(caseContract, CITIZEN, { action: 'getCase', caseId })
  return { caseId, caseNo, dueDate: view.deadline!.dueDate }
}

/** 李娜 books the first passport slot on Monday 2027-01-04, a working day until the notice. */
async function bookingOnJanuary4(): Promise<{ start: string }> {
  const { slots } = await call(appointmentContract, NEIGHBOUR, { action: 'listSlots', matterId: PASSPORT, date: '2027-01-04' })
  const slot = slots.find((x) => x.remaining > 0)!
  await call(appointmentContract, NEIGHBOUR, {
    action: 'book',
    name: '李娜',
    idNumber: idNumberFor(2028),
    phone: '13912340000',
    slotId: slot.slotId,
    matterId: PASSPORT,
    requestId: newRequestId(),
  })
  return { start: slot.start }
}

const calendarPage = (page: Page) => shown(page).locator('.admin-calendar')

/** Types into the notice box (h5 renders <taro-textarea-core><textarea>). */
async function pasteNotice(page: Page, text: string) {
  await calendarPage(page).locator('.form-field--notice-text textarea').fill(text)
}

/** Back to the top of the page (clicking scrolled the page's own scroll container), for a screenshot from the top. */
const scrollToTop = (page: Page) =>
  page.evaluate(() => {
    window.scrollTo(0, 0)
    document.querySelectorAll('.taro_page, .taro_router, .taro-tabbar__panel').forEach((e) => ((e as HTMLElement).scrollTop = 0))
  })

/** A phone 375 px wide, then the same page in 大字模式 (the storage switch the home page sets). */
async function screenshotsAtPhoneWidths(page: Page, name: string) {
  const before = page.viewportSize()
  await page.setViewportSize({ width: 375, height: 812 })
  await scrollToTop(page)
  await screenshot(page, name)
  await page.evaluate(() => window.localStorage.setItem('largeText', JSON.stringify({ data: '1' })))
  await page.reload()
  await calendarPage(page).locator('.cal-month--12').waitFor()
  await screenshot(page, `${name}-large`)
  await page.evaluate(() => window.localStorage.removeItem('largeText'))
  await page.reload()
  await calendarPage(page).locator('.cal-month--12').waitFor()
  if (before) await page.setViewportSize(before)
}

describe('entering the State Council notice in the working-day calendar', () => {
  let c = { caseId: '', caseNo: '', dueDate: '' }
  let booking = { start: '' }
  const parsed = parseHolidayNotice(NOTICE_2027, 2027)
  const official = parsed.ok ? createWorkingDayCalendar([{ year: 2027, status: 'official', days: parsed.notice.days }]) : builtInCalendar
  const newDue = official.addWorkingDays(ACCEPTED_ON, PROMISED_DAYS)

  beforeAll(async () => {
    c = await acceptedPassportCase()
    booking = await bookingOnJanuary4()
  })

  it('when the test notice is read, then it parses and moves the case date later (a check of the test itself)', () => {
    expect(parsed).toMatchObject({ ok: true })
    expect(c.dueDate).toBe(builtInCalendar.addWorkingDays(ACCEPTED_ON, PROMISED_DAYS))
    expect(c.dueDate.startsWith('2027-01')).toBe(true)
    expect(newDue > c.dueDate).toBe(true)
  })

  it('when the admin opens the 工作台 while 2027 is provisional, then a banner says so and leads to the calendar', async () => {
    const { page } = await app.open(ADMIN)
    await go(page, app, '/packages/staff/index/index')
    const banner = shown(page).locator('.staff-banner')
    await banner.getByText(/2027年放假安排国务院尚未公布/).waitFor()
    await shown(page).getByText('工作日历', { exact: true }).waitFor()
    await screenshot(page, 'calendar-0-staff-home')
    await banner.getByText('去录入 ›').click()
    await waitForText(calendarPage(page).locator('.cal-years__year'), '2027年')
  })

  it('when the admin pastes rubbish, then every message of the parser is shown and nothing can be saved', async () => {
    const { page } = await app.open(ADMIN)
    await go(page, app, '/packages/admin/calendar/index?year=2027')
    await calendarPage(page).getByText('录入国务院通知', { exact: true }).click()

    await pasteNotice(page, '随便粘贴了一段文字，没有放假安排')
    await calendarPage(page).getByText('解析并预览', { exact: true }).click()
    await calendarPage(page)
      .locator('.cal-issues')
      .getByText(/未识别到放假安排/)
      .waitFor()

    // Two mistakes in one item: the weekday and the length; both are listed.
    await pasteNotice(page, '一、元旦：1月1日（周四）至3日（周日）放假，共4天。')
    await calendarPage(page).getByText('解析并预览', { exact: true }).click()
    const issues = calendarPage(page).locator('.cal-issues')
    await issues.getByText(/1月1日不是周四（是周五）/).waitFor()
    await issues.getByText(/与通知所写的共4天不符/).waitFor()
    expect(await calendarPage(page).getByText('确认保存', { exact: true }).count()).toBe(0)
    await page.setViewportSize({ width: 375, height: 812 })
    await scrollToTop(page)
    await screenshot(page, 'calendar-1-bad-notice')
  })

  it('when the admin pastes the 2027 notice, previews it and confirms, then the year is official and the case is listed as moved', async () => {
    const { page } = await app.open(ADMIN)
    await go(page, app, '/packages/admin/calendar/index')
    const view = calendarPage(page)
    // From 1 November the page opens on next year; step back to this year and forward again.
    await waitForText(view.locator('.cal-years__year'), '2027年')
    await view.locator('.cal-years__prev').click()
    await waitForText(view.locator('.cal-years__year'), '2026年')
    await view.locator('.cal-info__status').getByText('正式').waitFor()
    await view.locator('.cal-years__next').click()
    await waitForText(view.locator('.cal-years__year'), '2027年')
    await view.locator('.cal-info__status').getByText('暂定').waitFor()
    await view.locator('.cal-day-2027-02-05 .cal-day__mark').getByText('春节').waitFor()
    await screenshotsAtPhoneWidths(page, 'calendar-2-provisional')

    await view.getByText('录入国务院通知', { exact: true }).click()
    await pasteNotice(page, NOTICE_2027)
    await view.locator('.form-field--notice-number input').fill('国办发明电〔2026〕99号')
    await view.getByText('解析并预览', { exact: true }).click()

    const preview = view.locator('.cal-preview')
    await preview.getByText('识别到8项安排').waitFor()
    await preview.getByText('冬休：1月4日至5日放假，共2天').waitFor()
    await preview.getByText('国庆节：10月1日至7日放假，共7天；9月26日、10月9日上班').waitFor()
    await waitForText(preview.locator('.cal-diff-2027-01-04'), /^1月4日 周一\s*工作日 → 休息日（冬休）$/)
    await waitForText(preview.locator('.cal-diff-2027-02-20 .cal-diff__change'), '周末 → 调休上班日（春节）')
    await preview
      .locator('.cal-impact__cases')
      .getByText(/^\d+个办件的承诺办结日期将调整$/)
      .waitFor()
    const entry = preview.locator('.cal-impact__entry').filter({ hasText: c.caseNo })
    await entry.getByText('普通护照签发').waitFor()
    await entry.getByText(`${c.dueDate} → ${newDue}`).waitFor()
    await preview
      .locator('.cal-impact__bookings')
      .getByText(/^1个预约落在新增的休息日/)
      .waitFor()
    const booked = preview.locator('.cal-impact__entry').filter({ hasText: `2027-01-04 ${booking.start}` })
    await booked.getByText('普通护照签发', { exact: false }).waitFor()
    await booked.getByText(/号窗口 .* · 李\*$/).waitFor()
    await page.setViewportSize({ width: 375, height: 812 })
    await scrollToTop(page)
    await screenshot(page, 'calendar-3-preview')

    await preview.getByText('确认保存', { exact: true }).click()
    await waitForText(view.locator('.cal-applied'), /^已保存。已更新[1-9]\d*个办件的期限.*，已通知群众改约1个预约。$/)
    await view.locator('.cal-info__status').getByText('正式').waitFor()
    await view.getByText('国办发明电〔2026〕99号').first().waitFor()
    await view
      .locator('.cal-log__summary')
      .getByText(/^录入通知：/)
      .waitFor()
    await view.locator('.cal-day-2027-01-04 .cal-day__mark').getByText('冬休').waitFor()
    await view.locator('.cal-day-2027-02-20 .cal-day__mark').getByText('班').waitFor()
    await screenshotsAtPhoneWidths(page, 'calendar-4-official')
  })

  it('when the citizen opens the case afterwards, then the new due date is shown', async () => {
    // The functions cache the calendar for up to 30 s of the business clock.
    setBeijingNow(ACCEPTED_ON, '09:02')
    const { page } = await app.open(CITIZEN)
    await go(page, app, `/packages/case/detail/index?id=${c.caseId}`)
    const detail = shown(page).locator('.case-detail')
    await detail.locator('.info-row').filter({ hasText: '办结期限' }).getByText(longDate(newDue)).waitFor()
    await detail.getByText('办结期限调整', { exact: true }).waitFor()
    await screenshot(page, 'calendar-5-citizen-case')
  })

  it('when the clerk opens the 工作台 afterwards, then the booking on the new day off is listed to call the citizen', async () => {
    const { page } = await app.open(CLERK)
    await go(page, app, '/packages/staff/index/index')
    const panel = shown(page).locator('.staff-reschedule')
    await waitForText(panel.locator('.staff-reschedule__title'), '1个预约落在调整后的休息日，请联系群众改约')
    await waitForText(panel.locator('.staff-reschedule__when'), /^1月4日（周一，冬休）/)
    await panel.locator('.staff-reschedule__what').getByText(/李\*/).waitFor()
    await panel
      .locator('.staff-reschedule__phone')
      .getByText(/^拨打 1\d{10}$/)
      .waitFor()
    await screenshot(page, 'calendar-5b-staff-reschedule')
  })

  it('when the admin sets one day off by hand and someone saves another change meanwhile, then the page says so, previews again and saves', async () => {
    const { page } = await app.open(ADMIN)
    await go(page, app, '/packages/admin/calendar/index?year=2027')
    const view = calendarPage(page)
    await view.locator('.cal-info__status').getByText('正式').waitFor()
    await view.locator('.cal-day-2027-03-01').click()
    const sheet = view.locator('.cal-sheet__panel')
    await sheet.getByText('2027年3月1日（周一）').waitFor()
    await sheet.getByText('现在：工作日').waitFor()
    await sheet.locator('.choice-chips--day-set').getByText('✓ 设为休息日').waitFor()
    await sheet.locator('.form-field--day-name input').fill('闭厅检修')
    // The reason is required: the page says so before anything is sent.
    await sheet.getByText('预览变化', { exact: true }).click()
    await waitForText(sheet.locator('.form-field--day-note .form-field__error'), '请说明调整原因')
    await sheet.locator('.form-field--day-note input').fill('中心配电设备检修，闭厅一天')
    await sheet.getByText('预览变化', { exact: true }).click()
    await waitForText(sheet.locator('.cal-diff-2027-03-01'), /^3月1日 周一\s*工作日 → 休息日（闭厅检修）$/)
    await page.setViewportSize({ width: 375, height: 812 })
    await screenshot(page, 'calendar-6-day-sheet')

    // Someone else saves a change to 2027 between the preview and the confirmation.
    const other = await call(calendarContract, ADMIN, {
      action: 'previewChange',
      year: 2027,
      change: { type: 'day', date: '2027-03-02', set: 'off', name: '闭厅检修', note: '另一位管理员的调整' },
    })
    await call(calendarContract, ADMIN, {
      action: 'applyChange',
      year: 2027,
      change: { type: 'day', date: '2027-03-02', set: 'off', name: '闭厅检修', note: '另一位管理员的调整' },
      expectedVersion: other.version,
    })

    await sheet.getByText('确认保存', { exact: true }).click()
    await sheet
      .locator('.cal-preview__notice')
      .getByText(/已被他人修改.*已按最新的日历重新预览/)
      .waitFor()
    await sheet.locator('.cal-diff-2027-03-01').waitFor()
    await sheet.getByText('确认保存', { exact: true }).click()
    await waitForText(view.locator('.cal-applied'), /^已保存。/)
    await view.locator('.cal-sheet').waitFor({ state: 'detached' })
    await view.locator('.cal-day-2027-03-01 .cal-day__mark').getByText('闭厅检修').waitFor()
    await view.locator('.cal-log__summary').getByText('2027-03-01 设为休息日').waitFor()
    // The log sits below twelve months, past what a page screenshot holds: a picture of it alone.
    await view
      .locator('.section')
      .filter({ hasText: '修改记录' })
      .screenshot({ path: join(artifactsDir, 'calendar-7-log.png') })
  })
})
