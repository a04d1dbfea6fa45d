/**
 * An inquiry from end to end in a browser, as the two people would do it: a citizen asks
 * about 普通护照签发 from the matter page, with a photo; the 出入境 clerk claims it (首问负责制) and
 * replies, then publishes it to the matter's FAQ and checks the scrubbed text; the citizen finds the
 * reply in the conversation and a message in 消息, rates the answer through 好差评, and the FAQ shows
 * on the matter page. The server clock is fixed at Monday 2026-09-28 09:00 Beijing time.
 */
import { topicOf } from '../../types/domain/inquiry'
import { appForFile, go, screenshot, screenshotsAtPhoneWidths, shown, waitForText } from './support/app'

const CITIZEN = 'demo-citizen-a'
const CLERK = 'demo-staff-crj' // 出入境窗口 王芳 (window staff of dept-crj)
const QUESTION = '护照快过期了，换发护照需要带哪些材料？可以加急办理吗？'
const TOPIC = topicOf(QUESTION)
const REPLY = '您好，换发护照请带本人身份证和旧护照到1号窗口办理，可申请加急。如有疑问可拨打13912345678找王芳。'
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64')

const app = appForFile()

describe('asking, a staff reply under 首问负责制, and the reply reaching the citizen', () => {
  it('when a citizen asks about 普通护照签发 with a photo, then the inquiry waits for the department with a due date', async () => {
    const { page } = await app.open(CITIZEN)
    await go(page, app, '/pages/matter/index?id=m-passport')
    await shown(page).getByText('暂无常见问题。有疑问可点下方「咨询此事项」。').waitFor()
    await shown(page).getByText('咨询此事项', { exact: true }).click()

    const form = shown(page).locator('.inquiry-ask')
    await waitForText(form.locator('.inquiry-ask__matter-name'), '普通护照签发')
    // Too short: refused on the device with the contract's message.
    await form.locator('.form-field--question textarea').fill('护照')
    await form.getByText('提交咨询', { exact: true }).click()
    await waitForText(form.locator('.form-field--question .form-field__error'), '请把问题描述清楚（至少5个字）')

    await form.locator('.form-field--question textarea').fill(QUESTION)
    const chooser = page.waitForEvent('filechooser')
    await form.locator('.inquiry-ask__add').click()
    await (await chooser).setFiles({ name: 'notice.png', mimeType: 'image/png', buffer: PNG })
    await form.locator('.inquiry-ask__image--0').waitFor()
    await screenshot(page, 'inquiry-1-ask')
    await form.getByText('提交咨询', { exact: true }).click()

    const detail = shown(page).locator('.inquiry-detail')
    await waitForText(detail.locator('.inquiry-detail__success-title'), '咨询已提交')
    await detail.locator('.inquiry-detail__state').getByText('待受理').waitFor()
    await detail.getByText('预计9月29日前答复').waitFor()
    await detail.locator('.inquiry-msg--question').getByText(QUESTION).waitFor()
    expect(await detail.locator('.inquiry-thread__image').count()).toBe(1)
    await screenshot(page, 'inquiry-2-asked')
  })

  it('when the clerk claims it and replies, then it is answered and can be published to the FAQ without the personal data', async () => {
    const { page } = await app.open(CLERK)
    await go(page, app, '/packages/staff/index/index')
    await shown(page).getByText('咨询', { exact: true }).click()
    const inbox = shown(page).locator('.staff-inquiries')
    // Window staff have no 超期 box (department leads and supervisors watch deadlines).
    await inbox.locator('.choice-chips--box').getByText('✓ 待认领').waitFor()
    expect(await inbox.locator('.choice-chips--box').getByText('超期').count()).toBe(0)
    const card = inbox.locator('.inquiry-card').filter({ hasText: TOPIC })
    await card.getByText('待受理').waitFor()
    await screenshot(page, 'inquiry-3-inbox')
    await card.click()

    const view = shown(page).locator('.staff-inquiry')
    await view.locator('.staff-inquiry__claim').getByText('认领', { exact: true }).click()
    await view.locator('.staff__head').getByText('处理中').waitFor()
    await view
      .locator('.staff__head')
      .getByText(/负责人 王芳（ZW0001）/)
      .waitFor()
    await view.locator('.form-field--reply textarea').fill(REPLY)
    await view.getByText('发送答复', { exact: true }).click()
    await view.locator('.inquiry-msg--staff').getByText(REPLY).waitFor()
    await view.locator('.staff__head').getByText('已回复').waitFor()
    // 处理记录 lists the reply after the claim, not only the claim.
    const record = view.locator('.staff-inquiry__history-head')
    await record.filter({ hasText: /认领（ZW0001）/ }).waitFor()
    await record.filter({ hasText: /答复（王芳 ZW0001）/ }).waitFor()
    await page.waitForTimeout(1_600) // the 已答复 toast fades out first
    await screenshot(page, 'inquiry-4-staff-replied')

    await view.locator('.staff-inquiry__actions').getByText('发布到常见问题', { exact: true }).click()
    await view.locator('.staff-inquiry-act').getByText('确认发布到常见问题', { exact: true }).click()
    const published = view.locator('.staff-inquiry__published')
    await waitForText(published.locator('.staff-inquiry__published-removed'), /电话号码1处/)
    const answer = await published.locator('.staff-inquiry__published-a').innerText()
    expect(answer).not.toContain('13912345678')
    expect(answer).not.toContain('王芳')
    await screenshot(page, 'inquiry-5-staff-faq')
    await published.getByText('内容无误', { exact: true }).click()
    await published.waitFor({ state: 'detached' })
  })

  it('when the citizen opens 我的咨询 and 消息, then the reply is in the conversation and the message leads to it', async () => {
    const { page } = await app.open(CITIZEN)
    await go(page, app, '/packages/inquiry/mine/index')
    const card = shown(page).locator('.inquiry-card').filter({ hasText: TOPIC })
    await card.locator('.tag').getByText('已回复', { exact: true }).waitFor()
    await card.getByText('已回复，请查看并评价').waitFor()
    await screenshotsAtPhoneWidths(page, 'inquiry-6-mine', () => shown(page).locator('.inquiry-card').first().waitFor())

    await go(page, app, '/pages/messages/index')
    const item = shown(page).locator('.message-item--inquiry').first()
    await item.waitFor()
    expect(await item.getAttribute('class')).toContain('message-item--unread')
    await screenshotsAtPhoneWidths(page, 'inquiry-7-messages', () => shown(page).locator('.message-item--inquiry').first().waitFor())
    await item.click()

    const detail = shown(page).locator('.inquiry-detail')
    await detail.locator('.inquiry-msg--staff').getByText(REPLY).waitFor()
    await detail
      .locator('.inquiry-msg--staff .inquiry-msg__who')
      .getByText(/^王芳 · 答复/)
      .waitFor()
    await detail.locator('.inquiry-detail__state').getByText('已回复').waitFor()

    const unread = (await app.cloud.invoke('notify', { action: 'unreadCount' }, { openid: CITIZEN })) as { data: { unread: number } }
    expect(unread.data.unread).toBe(0)

    // Rated through 好差评: the entry opens the rating form of this inquiry, and the page then says it was rated.
    await detail.locator('.big-button').getByText('评价本次答复', { exact: true }).click()
    const form = shown(page).locator('.feedback-rate')
    await form.locator('.feedback-levels__level--very_satisfied').click()
    await form.locator('.feedback-tags__tag').getByText('办事效率', { exact: true }).click()
    await form.locator('.form-field--text textarea').fill('答复很清楚')
    await form.getByText('提交评价：非常满意', { exact: true }).click()
    const rated = shown(page).locator('.feedback-rating')
    await waitForText(rated.locator('.feedback-object__level'), '非常满意')
    await rated.getByText('答复很清楚').waitFor()
    await page.goBack()
    await waitForText(detail.locator('.section').filter({ hasText: '已评价' }).locator('.info-row__value').first(), '非常满意')
    expect(await detail.getByText('评价本次答复', { exact: true }).count()).toBe(0)
    await screenshotsAtPhoneWidths(page, 'inquiry-8-conversation', () =>
      shown(page).locator('.inquiry-detail .section').filter({ hasText: '已评价' }).waitFor(),
    )

    // The FAQ the clerk published shows on the matter page.
    await go(page, app, '/pages/matter/index?id=m-passport')
    await shown(page).locator('.faq-list__q').filter({ hasText: QUESTION }).waitFor()
  })
})
