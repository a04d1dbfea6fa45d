/**
 * 帮办代办 in a browser, as the two people do it: a citizen asks for help with 普通护照签发 for
 * their mother; a window clerk of the centre office (the demo 帮办 desk) claims it under 首问负责制,
 * prepares the online application and closes nothing yet; the citizen opens the prepared
 * application, finds it filled in with the helper's note, saves it as their own draft, and the
 * request shows the case. The server clock is fixed at Monday 2026-09-28 09:00 Beijing time.
 */
import { staff } from '../../local/seed'
import { idNumberFor } from '../support/people'
import { answerModal, appForFile, go, screenshotsAtPhoneWidths, shown, waitForText } from './support/app'

const CITIZEN = 'demo-citizen-a'
const DESK = staff.find((s) => s.departmentId === 'dept-office' && s.role === 'window_staff' && s.active)!.openid
const DETAIL = '母亲七十多岁，不会用手机，想请人帮忙填护照申请表。'

const app = appForFile()

describe('asking for 帮办代办, the desk preparing the application, the citizen submitting it', () => {
  let assistId = ''

  it('when a citizen asks for help for their mother, then the request waits for the desk with its due date', async () => {
    const { page } = await app.open(CITIZEN)
    await go(page, app, '/packages/visit/assist/index?matterId=m-passport')
    const form = shown(page).locator('.assist-request')
    await waitForText(form.locator('.assist-request__matter'), '普通护照签发')
    // Too short: the contract's message on the field, nothing sent.
    await form.locator('.form-field--detail textarea').fill('帮忙')
    await form.getByText('提交帮办申请', { exact: true }).click()
    await waitForText(form.locator('.form-field--detail .form-field__error'), '请说明需要帮什么（至少5个字）')

    await form.locator('.form-field--detail textarea').fill(DETAIL)
    await form.locator('.choice-chips--who').getByText('为家人申请').click()
    await form.locator('.form-field--relative-relation input').fill('母亲')
    await form.locator('.form-field--relative-name input').fill('王秀英')
    await form.locator('.form-field--relative-phone input').fill('13800001111')
    await form.locator('.form-field--contactPhone input').fill('13912345678')
    await screenshotsAtPhoneWidths(page, 'assist-1-request')
    // The reload of the screenshots keeps nothing typed: fill again.
    await form.locator('.form-field--detail textarea').fill(DETAIL)
    await form.locator('.choice-chips--who').getByText('为家人申请').click()
    await form.locator('.form-field--relative-relation input').fill('母亲')
    await form.locator('.form-field--relative-name input').fill('王秀英')
    await form.locator('.form-field--relative-phone input').fill('13800001111')
    await form.locator('.form-field--contactPhone input').fill('13912345678')
    await form.getByText('提交帮办申请', { exact: true }).click()

    const detail = shown(page).locator('.assist-detail')
    await waitForText(detail.locator('.assist-page__done-title'), '帮办申请已提交')
    await detail.getByText('待认领', { exact: true }).waitFor()
    await detail.getByText('帮办员将在9月29日前认领并与您电话联系。').waitFor()
    assistId = new URL(page.url().replace('#', '')).searchParams.get('id') ?? ''
    expect(assistId).toMatch(/^as-[0-9a-f]{20}$/)
    await screenshotsAtPhoneWidths(page, 'assist-2-requested', () => detail.getByText('办理记录').waitFor())
  })

  it('when the desk clerk claims it and fills in the passport form, then the request waits for the citizen to confirm', async () => {
    const { page } = await app.open(DESK)
    await go(page, app, '/packages/staff/assists/index')
    const list = shown(page).locator('.staff-assists')
    const card = list.locator('.assist-card', { hasText: '普通护照签发' })
    await card.waitFor()
    // Before claiming, the desk sees the numbers masked.
    await card.click()
    const detail = shown(page).locator('.staff-assist')
    await detail.getByText('139****5678').waitFor()
    await detail.getByText('认领', { exact: true }).click()
    await answerModal(page, '认领后由您负责到底')
    await detail.getByText('13912345678').waitFor()
    await detail.getByText('代填网上申请', { exact: true }).click()

    await detail.locator('.choice-chips--f-applyType').getByText('换发').click()
    await detail.locator('.choice-chips--f-purpose').getByText('旅游').click()
    await detail.locator('.form-field--f-destination input').fill('日本')
    await detail.locator('.form-field--f-birthPlace input').fill('山西省运城市')
    await detail.locator('.form-field--note textarea').fill('已电话核对，出生地按户口本填写')
    await detail.getByText('保存并通知申请人确认', { exact: true }).click()
    await detail.locator('.tag').getByText('待确认申请', { exact: true }).waitFor()
    await screenshotsAtPhoneWidths(page, 'assist-3-desk', () => detail.getByText('办理记录').waitFor())
  })

  it('when the citizen opens the prepared application, then it is filled in with the helper’s note and saving makes it their own draft', async () => {
    const { page } = await app.open(CITIZEN)
    await go(page, app, `/packages/visit/assist-detail/index?id=${assistId}`)
    const detail = shown(page).locator('.assist-detail')
    await detail.getByText('帮办员说明：已电话核对，出生地按户口本填写').waitFor()
    await detail.getByText('核对并提交申请', { exact: true }).click()

    const apply = shown(page).locator('.case-apply')
    await apply.getByText('帮办员已为您代填').waitFor()
    expect(await apply.locator('.form-field--f-destination input').inputValue()).toBe('日本')
    expect(await apply.locator('.form-field--f-birthPlace input').inputValue()).toBe('山西省运城市')
    await screenshotsAtPhoneWidths(page, 'assist-4-prepared-application', () => apply.getByText('帮办员已为您代填').waitFor())
    // The applicant is the citizen, from their own account: the helper never types who applies.
    await apply.locator('.form-field--app-name input').fill('张伟')
    await apply.locator('.form-field--app-idNumber input').fill(idNumberFor(4321))
    await apply.locator('.form-field--app-phone input').fill('13912345678')
    await apply.getByText('保存草稿', { exact: true }).click()
    await apply.locator('.case-page__sub', { hasText: '办件编号' }).waitFor()

    await go(page, app, `/packages/visit/assist-detail/index?id=${assistId}`)
    const after = shown(page).locator('.assist-detail')
    await after.getByText('已提交申请', { exact: true }).waitFor()
    await after.getByText('查看办件进度', { exact: true }).waitFor()
  })
})
