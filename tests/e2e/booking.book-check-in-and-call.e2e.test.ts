/**
 * A booking from end to end in a browser, as three people would do it: a citizen books the
 * passport window for today at 10:00, the window clerk checks her in with the code and calls her,
 * and her 我的排队 page tells her where to go. The server clock is fixed at Monday 2026-09-28
 * 09:00 Beijing time, so "today" and the open slots are the same on every run.
 */
import { idNumberFor } from '../support/people'
import { appForFile, go, screenshot, screenshotsAtPhoneWidths, shown, waitForText } from './support/app'

const TODAY = '2026-09-28'
const CITIZEN = 'demo-citizen-a'
const CLERK = 'demo-staff-crj' // 出入境窗口 王芳: windows win-01 and win-02
const ID_NUMBER = idNumberFor(4321)

const app = appForFile(TODAY, '09:00')

describe('booking a window, checking in and being called', () => {
  let code = ''
  let label = ''

  it('when a citizen books 普通护照签发 today at 10:00, then she gets a booking code with its QR code and 我的预约 lists it', async () => {
    const { page } = await app.open(CITIZEN)
    await go(page, app, '/pages/matter/index?id=m-passport')
    await shown(page).getByText('预约办理', { exact: true }).click()

    // Step 1: the calendar the server sent; today is open.
    const today = shown(page).locator(`.calendar-day-${TODAY}`)
    await today.waitFor()
    expect(await today.getAttribute('class')).toContain('calendar__day--open')
    await screenshotsAtPhoneWidths(page, 'booking-1-date', () => shown(page).locator(`.calendar-day-${TODAY}`).waitFor())
    await today.click()

    // Step 2: the 10:00 slot (09:00 and 09:30 are within the 30-minute same-day cut-off).
    const slots = shown(page).locator('.slot-card')
    await slots.first().waitFor()
    expect(await slots.locator('.slot-card__time').allInnerTexts()).not.toContain('09:30–10:00')
    const ten = slots.filter({ hasText: '10:00–10:30' }).first()
    // Each time once for the matter's two windows: the window is assigned at booking.
    expect(await slots.filter({ hasText: '10:00–10:30' }).count()).toBe(1)
    await waitForText(ten.locator('.slot-card__window'), '任一窗口（2个窗口可约）')
    await screenshotsAtPhoneWidths(page, 'booking-2-slots', () => shown(page).locator('.slot-card').first().waitFor())
    await ten.click()

    // Step 3: the form checks input with the contract's schema before sending anything.
    const form = shown(page)
    await form.locator('.form-field--name input').waitFor()
    await form.locator('.form-field--name input').fill('张伟')
    await form.locator('.form-field--idNumber input').fill('110101198001011234')
    await form.locator('.form-field--phone input').fill('1391234')
    await form.getByText('下一步：核对信息').click()
    await waitForText(form.locator('.form-field--idNumber .form-field__error'), '身份证号码不正确，请核对')
    await waitForText(form.locator('.form-field--phone .form-field__error'), '请填写11位手机号码')
    await screenshot(page, 'booking-3-form-errors')

    await form.locator('.form-field--idNumber input').fill(ID_NUMBER)
    await form.locator('.form-field--phone input').fill('13912345678')
    await form.getByText('下一步：核对信息').click()

    // The confirm screen repeats everything, masked; a double tap still books once.
    const confirm = shown(page).locator('.booking-confirm')
    await confirm.getByText('请核对后提交').waitFor()
    await confirm.getByText('普通护照签发').waitFor()
    await confirm.getByText(/10:00–10:30/).waitFor()
    await confirm.getByText('139****5678').waitFor()
    await screenshot(page, 'booking-4-confirm')
    await confirm.getByText('确认提交').dblclick()

    const detail = shown(page).locator('.booking-detail')
    await waitForText(detail.locator('.booking-detail__success-title'), '预约成功')
    code = (await waitForText(detail.locator('.booking-detail__code'), /^[A-Z2-9]{4} [A-Z2-9]{4}$/)).replace(' ', '')
    expect(await detail.locator('.qr-code__row').count()).toBe(21) // version 1: 21 × 21 modules
    await detail.getByText('1号窗口 出入境证件受理窗口').waitFor()
    await detail.getByText('待到场').waitFor()
    await screenshot(page, 'booking-5-success')
    await screenshotsAtPhoneWidths(page, 'booking-5-detail', () => shown(page).locator('.booking-detail__code').waitFor())

    await detail.getByText('查看我的全部预约').click()
    const items = shown(page).locator('.booking-item')
    await items.first().waitFor()
    expect(await items.count()).toBe(1)
    await waitForText(items.first().locator('.booking-item__code'), `${code.slice(0, 4)} ${code.slice(4)}`)
    await items.first().getByText('待到场').waitFor()
    await screenshotsAtPhoneWidths(page, 'booking-6-mine', () => shown(page).locator('.booking-item').first().waitFor())
  })

  it('when the window clerk checks the code in and calls the next ticket at window 1, then the console shows her ticket', async () => {
    expect(code).not.toBe('')
    const { page } = await app.open(CLERK)
    await go(page, app, '/pages/index/index')
    await shown(page).getByText('工作台', { exact: true }).waitFor()
    await screenshot(page, 'staff-0-home')

    await go(page, app, '/packages/staff/checkin/index')
    const checkin = shown(page)
    // Typed as the citizen's page shows it, in two groups, and in lower case.
    await checkin.locator('.form-field--code input').fill(`${code.slice(0, 4)} ${code.slice(4)}`.toLowerCase())
    await checkin.getByText('签到取号', { exact: true }).click()
    label = await waitForText(checkin.locator('.staff-checkin__label'), /^[A-Z]\d{3}$/)
    await screenshot(page, 'staff-1-checkin')

    await go(page, app, '/packages/staff/console/index')
    await shown(page).locator('.console-window--win-01').click()
    const console = shown(page)
    await waitForText(console.locator('.console__list-title'), '等候队列（1人）')
    await console.getByText('叫下一位', { exact: true }).click()
    await waitForText(console.locator('.console__current-label'), label)
    await waitForText(console.locator('.console__list-title'), '等候队列（0人）')
    await screenshot(page, 'staff-2-console')

    // The day's schedule (the server's today) shows the booking as checked in.
    await go(page, app, '/packages/staff/today/index')
    await waitForText(shown(page).locator('.staff-today__today'), '今天')
    const row = shown(page)
      .locator('.staff-booking')
      .filter({ hasText: `${code.slice(0, 4)} ${code.slice(4)}` })
    await row.getByText('已取号').waitFor()
    await screenshotsAtPhoneWidths(page, 'staff-3-today', () => shown(page).locator('.staff-booking').first().waitFor())
  })

  it('when her ticket has been called, then 我的排队 tells the citizen to go to window 1', async () => {
    expect(label).not.toBe('')
    const { page } = await app.open(CITIZEN)
    // A citizen's home page has no 工作台 entry (whoami says citizen).
    const whoami = page.waitForResponse((r) => r.url().endsWith('/api/fn/account'))
    await go(page, app, '/pages/index/index')
    await whoami
    await shown(page).getByText('我的排队', { exact: true }).waitFor()
    expect(await shown(page).getByText('工作台', { exact: true }).count()).toBe(0)

    await go(page, app, '/pages/queue/index')
    const ticket = shown(page).locator('.ticket-card--called')
    await waitForText(ticket.locator('.ticket-card__label'), label)
    await waitForText(ticket.locator('.ticket-card__call-text'), /^请到 1号窗口（出入境证件受理窗口） 办理$/)
    await ticket.getByText('请到窗口办理').waitFor()
    await screenshotsAtPhoneWidths(page, 'queue-called', () => shown(page).locator('.ticket-card--called').waitFor())
  })
})
