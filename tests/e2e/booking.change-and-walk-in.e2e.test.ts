/**
 * Changing plans in a browser: a citizen books for her mother (为他人预约), moves the booking to
 * another day (改约), cancels it, and takes a walk-in ticket (现场取号) instead. The server clock is
 * fixed at Monday 2026-09-28 09:00 Beijing time.
 */
import { notifyContract } from '../../types/contracts'
import { dataOf, invokeApi } from '../support/calls'
import { idNumberFor } from '../support/people'
import { answerModal, appForFile, go, screenshot, shown, waitForText } from './support/app'

const CITIZEN = 'demo-citizen-b'
const app = appForFile()

describe('changing a booking', () => {
  it('when a citizen books for her mother, moves it to another day and then cancels it, then each step shows and the seat comes back', async () => {
    const { page } = await app.open(CITIZEN)
    await go(page, app, '/packages/booking/date/index?matterId=m-passport')
    await shown(page).locator('.calendar-day-2026-09-29').click()
    await shown(page).locator('.slot-card').filter({ hasText: '09:00–09:30' }).first().click()

    const form = shown(page)
    await form.locator('.switch-row--for-other .switch-row__switch').click()
    await form.locator('.form-field--relation input').waitFor()
    await form.locator('.form-field--name input').fill('王秀兰')
    await form.locator('.form-field--idNumber input').fill(idNumberFor(777))
    await form.locator('.form-field--phone input').fill('13800001111')
    await form.getByText('下一步：核对信息').click()
    await waitForText(form.locator('.form-field--relation .form-field__error'), '请填写与预约人的关系')
    await form.locator('.form-field--relation input').fill('母亲')
    await form.getByText('下一步：核对信息').click()
    const confirm = shown(page).locator('.booking-confirm')
    await confirm.getByText('为母亲预约').waitFor()
    await confirm.getByText('确认提交').click()

    const detail = shown(page).locator('.booking-detail')
    await detail.getByText('王**（为他人预约）').waitFor()
    await detail.getByText('2026年9月29日（周二） 09:00–09:30').waitFor()

    // 改约: the same calendar and slot pages, then a confirmation; the detail reloads when shown again.
    await detail.getByText('改约（换个时间）').click()
    await shown(page).getByText('改约 · 第1步，共2步').waitFor()
    await shown(page).locator('.calendar-day-2026-09-30').click()
    await shown(page).locator('.slot-card').filter({ hasText: '14:00–14:30' }).first().click()
    await answerModal(page, /改到 2026年9月30日（周三） 14:00–14:30/)
    await shown(page).locator('.booking-detail').getByText('2026年9月30日（周三） 14:00–14:30').waitFor()
    await screenshot(page, 'change-1-rescheduled')

    await shown(page).locator('.booking-detail').getByText('取消预约').click()
    await answerModal(page, /确定取消 2026年9月30日（周三） 14:00 的预约吗/)
    await waitForText(shown(page).locator('.booking-detail__status'), '已取消')
    await screenshot(page, 'change-2-cancelled')
    // Cancelled: the page offers to book the matter again, and the cancellation is on record in 消息.
    await shown(page).locator('.booking-detail').getByText('重新预约', { exact: true }).click()
    await shown(page).locator('.booking-date').waitFor()
    const { messages } = dataOf(await invokeApi(app.cloud, notifyContract)({ action: 'myMessages' }, CITIZEN))
    expect(messages.filter((m) => m.title === '预约已取消')).toHaveLength(1)

    // The seat is back: the 09-30 14:00 time has both windows' full capacity again (3 each).
    await go(page, app, '/packages/booking/slots/index?matterId=m-passport&date=2026-09-30')
    const slot = shown(page).locator('.slot-card').filter({ hasText: '14:00–14:30' }).first()
    await waitForText(slot.locator('.slot-card__left'), '剩余6个')
  })

  it('when a citizen in the hall takes a walk-in ticket, then 我的排队 shows it waiting with the people ahead', async () => {
    const { page } = await app.open(CITIZEN)
    await go(page, app, '/pages/matter/index?id=m-passport')
    await shown(page).getByText('现场取号（已在大厅）').click()
    await answerModal(page, /您已在政务服务中心大厅吗/)
    const ticket = shown(page).locator('.ticket-card--waiting')
    await waitForText(ticket.locator('.ticket-card__label'), /^A\d{3}$/)
    await ticket.getByText('等待叫号').waitFor()
    // Nobody else is in the passport queue yet.
    await waitForText(ticket.locator('.ticket-card__next'), '下一位就是您，请留意叫号屏')

    // A second walk-in for the same queue sees one person ahead and an estimated wait.
    const other = (await app.open('demo-relative')).page
    await go(other, app, '/pages/matter/index?id=m-passport')
    await shown(other).getByText('现场取号（已在大厅）').click()
    await answerModal(other, /您已在政务服务中心大厅吗/)
    const second = shown(other).locator('.ticket-card--waiting')
    await waitForText(second.locator('.ticket-card__wait-line').first(), '前面还有 1 人')
    await waitForText(second.locator('.ticket-card__wait-time'), /^预计等待约 \d+ 分钟$/)
    await screenshot(other, 'queue-waiting')
  })
})
