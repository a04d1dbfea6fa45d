/**
 * Progress notifications in a browser: the 订阅消息 consent prompt at the moments that
 * matter, the push right after the event, the message centre and its unread badge, and staff's
 * 通知记录. The h5 build shows WeChat's prompt as a modal (local mode); the local cloud captures
 * every subscribeMessage.send. The server clock is fixed at Monday 2026-09-28 09:00 Beijing time.
 */
import type { Page } from 'playwright-core'
import { idNumberFor } from '../support/people'
import { appForFile, go, screenshot, shown, waitForText } from './support/app'
import { fillPassportApplication, staffAct } from './support/case-pages'

const CITIZEN = 'demo-citizen-a'
const CLERK = 'demo-staff-crj' // 出入境窗口 王芳 (window staff of dept-crj)
const ID_NUMBER = idNumberFor(2468)
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64')

const app = appForFile()

interface Send {
  touser: string
  templateId: string
  page: string
}
const sends = async () => (await app.cloud.sends()) as Send[]
const unread = async (openid: string) =>
  ((await app.cloud.invoke('notify', { action: 'unreadCount' }, { openid })) as { data: { unread: number } }).data.unread

/** The h5 stand-in for WeChat's consent prompt: lists the templates, answers 允许 (confirm) or 取消. */
async function consentPrompt(page: Page, titles: string[]) {
  const modal = page.locator('.taro-modal__content:visible')
  await modal.getByText('申请发送以下消息').waitFor()
  for (const t of titles) await modal.locator('.taro-modal__text').getByText(t).waitFor()
  await page.waitForTimeout(400) // the dialog fades in; the screenshot should show it, not its ghost
  return modal
}

describe('consent, push and the message centre', () => {
  let caseNo = ''

  it('when a citizen confirms a booking and allows the prompt, then the confirmation is pushed at once and its link marks the message read', async () => {
    const { page } = await app.open(CITIZEN, { consent: 'ask' })
    await go(page, app, '/packages/booking/date/index?matterId=m-passport')
    await shown(page).locator('.calendar-day-2026-09-29').click()
    await shown(page).locator('.slot-card').filter({ hasText: '09:00–09:30' }).first().click()
    const form = shown(page)
    await form.locator('.form-field--name input').waitFor()
    await form.locator('.form-field--name input').fill('张伟')
    await form.locator('.form-field--idNumber input').fill(ID_NUMBER)
    await form.locator('.form-field--phone input').fill('13912345678')
    await form.getByText('下一步：核对信息').click()
    await shown(page).locator('.booking-confirm').getByText('请核对后提交').waitFor()
    await shown(page).locator('.booking-confirm').getByText('确认提交').click()

    // The prompt comes from the tap, with the moment's three templates, before anything is booked.
    const modal = await consentPrompt(page, ['预约结果通知', '预约到期提醒', '排队叫号提醒'])
    await screenshot(page, 'notify-1-consent-booking')
    expect(await unread(CITIZEN)).toBe(0)
    await modal.locator('.taro-model__confirm').click()

    const detail = shown(page).locator('.booking-detail')
    await waitForText(detail.locator('.booking-detail__success-title'), '预约成功')
    const bookingId = new URLSearchParams(page.url().split('?')[1] ?? '').get('id')!
    expect(bookingId).toBeTruthy()

    // Pushed right after the event (the grant was recorded first), once, linking the booking.
    const pushed = (await sends()).filter(
      (s) => s.touser === CITIZEN && s.page.startsWith(`pages/booking/detail/index?id=${bookingId}&msgId=`),
    )
    expect(pushed).toHaveLength(1)
    expect(pushed[0].templateId).toBe('TPL_BOOKING_RESULT')
    expect(await unread(CITIZEN)).toBe(1)

    // Opening the push's link is reading the message.
    await go(page, app, `/${pushed[0].page}`)
    await waitForText(shown(page).locator('.booking-detail__code-label'), '预约码')
    for (let i = 0; i < 50 && (await unread(CITIZEN)) > 0; i++) await new Promise((r) => setTimeout(r, 100))
    expect(await unread(CITIZEN)).toBe(0)
  })

  it('when a citizen submits a passport application and allows 办件进度通知, then the grant is recorded before the submit', async () => {
    const { page } = await app.open(CITIZEN, { consent: 'ask' })
    await go(page, app, '/packages/case/apply/index?matterId=m-passport')
    const form = shown(page)
    await fillPassportApplication(form, ID_NUMBER)
    const chooser = page.waitForEvent('filechooser')
    await form.locator('.case-material--0 .case-material__upload').click()
    await (await chooser).setFiles({ name: 'id-card.png', mimeType: 'image/png', buffer: PNG })
    await waitForText(form.locator('.case-material--0 .case-file__name'), '✓ id-card.png')
    await form.getByText('下一步：核对并提交', { exact: true }).click()
    await shown(page).locator('.case-confirm').getByText('确认提交申请', { exact: true }).click()

    const modal = await consentPrompt(page, ['办件进度通知'])
    await screenshot(page, 'notify-2-consent-case')
    await modal.locator('.taro-model__confirm').click()
    const detail = shown(page).locator('.case-detail')
    await waitForText(detail.locator('.case-detail__success-title'), '申请已提交，请留意预审结果')
    caseNo = (await waitForText(detail.locator('.case-detail__no'), /^办件编号 ZW[A-Z2-9]{14}$/)).replace('办件编号 ', '')
  })

  it('when the clerk asks for a supplement, then it is pushed and 通知记录 shows 已发送 with the masked recipient', async () => {
    expect(caseNo).not.toBe('')
    const { page } = await app.open(CLERK)
    await go(page, app, '/packages/staff/cases/index')
    await shown(page).locator('.case-card').filter({ hasText: caseNo }).click()
    await staffAct(page, '开始预审')
    await staffAct(page, '一次性告知补正', async () => {
      await shown(page).locator('.case-act .form-field--item-problem-0 input').fill('身份证照片反光看不清，请重新拍摄')
    })
    await shown(page).locator('.staff__head').getByText('待补正').waitFor()

    const row = shown(page).locator('.delivery').filter({ hasText: '一次性告知补正' })
    for (
      let i = 0;
      i < 20 &&
      !(
        await row
          .locator('.tag')
          .innerText()
          .catch(() => '')
      ).includes('已发送');
      i++
    ) {
      await shown(page).getByText('刷新通知记录').click()
      await new Promise((r) => setTimeout(r, 200))
    }
    await waitForText(row.locator('.tag'), '已发送')
    await row.getByText(/接收人 demo….*尝试1次/).waitFor()
    expect(await row.innerText()).not.toContain(CITIZEN)
    await screenshot(page, 'notify-3-staff-deliveries')
  })

  it('when the citizen opens 消息, then the supplement message is there unread, and tapping it opens the case and reads it', async () => {
    const { page } = await app.open(CITIZEN)
    await go(page, app, '/pages/index/index')
    const tile = shown(page).locator('.tile').filter({ hasText: '消息' })
    await waitForText(tile.locator('.tile__badge'), '1')
    // The same count on the 消息 tab of the tab bar.
    const tabBadge = page.locator('.weui-tabbar__item').filter({ hasText: '消息' }).locator('.weui-badge')
    await waitForText(tabBadge, '1')
    await screenshot(page, 'notify-4-home-badge')
    await tile.click()

    const centre = shown(page).locator('.messages')
    await waitForText(centre.locator('.messages__count'), '1条未读')
    const items = centre.locator('.message-item')
    await items.nth(1).waitFor()
    expect(await items.count()).toBe(2)
    // Newest first: the supplement request, unread, above the (already read) booking confirmation.
    const first = items.first()
    expect(await first.getAttribute('class')).toContain('message-item--unread')
    await first.getByText('请补充材料').waitFor()
    await first.getByText(caseNo).waitFor()
    expect(await items.nth(1).getAttribute('class')).toContain('message-item--read')
    await items.nth(1).getByText('预约成功').waitFor()
    await screenshot(page, 'notify-5-messages')

    await first.click()
    const detail = shown(page).locator('.case-detail')
    await detail.getByText('身份证照片反光看不清，请重新拍摄').waitFor()
    await waitForText(detail.locator('.case-detail__no'), `办件编号 ${caseNo}`)
    expect(await unread(CITIZEN)).toBe(0)
    await screenshot(page, 'notify-6-case-opened')

    await page.goBack()
    await waitForText(shown(page).locator('.messages__count'), '没有未读消息')
    expect(await shown(page).locator('.message-item--unread').count()).toBe(0)
    expect(await tabBadge.isVisible()).toBe(false)
    await page.locator('.weui-tabbar__item').filter({ hasText: '首页' }).click()
    const home = shown(page).locator('.tile').filter({ hasText: '消息' })
    await home.getByText('预约、叫号、办件进度通知').waitFor()
    expect(await home.locator('.tile__badge').count()).toBe(0)
  })
})
