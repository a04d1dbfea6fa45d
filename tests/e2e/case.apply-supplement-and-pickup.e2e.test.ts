/**
 * An online application from end to end in a browser, as the two people would do it:
 * a citizen applies for 普通护照签发 with the form and uploaded materials; the 出入境 clerk asks once
 * for two corrections (一次性告知); the citizen fixes both and resubmits; the clerk accepts,
 * approves and hands the passport to the unified window; the citizen sees 待领取 and the pickup
 * code. The server clock is fixed at Monday 2026-09-28 09:00 Beijing time.
 */
import type { Page } from 'playwright-core'
import { idNumberFor } from '../support/people'
import { appForFile, go, screenshot, screenshotsAtPhoneWidths, shown, waitForText } from './support/app'
import { fillPassportApplication, staffAct } from './support/case-pages'

const CITIZEN = 'demo-citizen-a'
const CLERK = 'demo-staff-crj' // 出入境窗口 王芳 (window staff of dept-crj)
const ID_NUMBER = idNumberFor(5678)

/** A real 1×1 PNG, and bytes that start like a JPEG: the server decides the type from the first bytes. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64')
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2_000, 7)])
const JPEG_RETAKEN = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(3_000, 9)])

const app = appForFile()

/** Chooses a file for one checklist item through the page's file input. */
async function uploadTo(page: Page, materialIndex: number, file: { name: string; mimeType: string; buffer: Buffer }) {
  const material = shown(page).locator(`.case-material--${materialIndex}`)
  const chooser = page.waitForEvent('filechooser')
  await material.locator('.case-material__upload').click()
  await (await chooser).setFiles(file)
}

describe('applying online, a supplement request, and the result ready for pickup', () => {
  let caseNo = ''

  it('when a citizen fills the passport form and uploads the ID card, then the application is submitted with a case number', async () => {
    const { page } = await app.open(CITIZEN)
    await go(page, app, '/pages/matter/index?id=m-passport')
    await shown(page).getByText('网上申请', { exact: true }).click()

    const form = shown(page)
    await fillPassportApplication(form, ID_NUMBER)

    // Nothing uploaded yet: the page names the missing material before anything is sent.
    await form.getByText('下一步：核对并提交', { exact: true }).click()
    await waitForText(form.locator('.case-material--0 .case-material__error'), '请上传申请人居民身份证')

    // A text file is refused on the device, by its bytes.
    await uploadTo(page, 0, { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not an image') })
    await waitForText(form.locator('.case-material--0 .case-material__error'), '只能上传JPEG、PNG图片或PDF文件')

    await uploadTo(page, 0, { name: 'id-card.png', mimeType: 'image/png', buffer: PNG })
    await waitForText(form.locator('.case-material--0 .case-file__name'), '✓ id-card.png')
    await uploadTo(page, 3, { name: 'old-passport.jpg', mimeType: 'image/jpeg', buffer: JPEG })
    await waitForText(form.locator('.case-material--3 .case-file__name'), '✓ old-passport.jpg')
    await screenshot(page, 'case-1-apply')

    await form.getByText('下一步：核对并提交', { exact: true }).click()
    const confirm = shown(page).locator('.case-confirm')
    await confirm.getByText('请核对后提交').waitFor()
    await confirm.getByText('139****5678').waitFor()
    await confirm.getByText('泰国').waitFor()
    await screenshot(page, 'case-2-confirm')
    await confirm.getByText('确认提交申请', { exact: true }).click()

    const detail = shown(page).locator('.case-detail')
    await waitForText(detail.locator('.case-detail__success-title'), '申请已提交，请留意预审结果')
    caseNo = (await waitForText(detail.locator('.case-detail__no'), /^办件编号 ZW[A-Z2-9]{14}$/)).replace('办件编号 ', '')
    await detail.locator('.case-detail__state').getByText('已提交').waitFor()
    // Not accepted yet: the promise and the next step, not an empty deadline.
    await detail.getByText('7个工作日，受理后开始计算').waitFor()
    await detail.getByText('已提交，等待窗口预审材料，一般1个工作日内。').waitFor()
    // 撤回申请 is offered, but last and as a quiet link: never a button, never before the progress.
    const withdraw = detail.locator('.case-detail__withdraw')
    await withdraw.waitFor()
    expect(await detail.locator('.big-button').filter({ hasText: '撤回申请' }).count()).toBe(0)
    const below = await withdraw.evaluate((w) => {
      const timeline = document.querySelector('.taro_page:last-child .case-timeline') ?? document.querySelector('.case-timeline')
      return !!timeline && w.getBoundingClientRect().top > timeline.getBoundingClientRect().bottom
    })
    expect(below).toBe(true)
    await screenshot(page, 'case-3-submitted')
    await screenshotsAtPhoneWidths(page, 'case-3-detail', () => shown(page).locator('.case-detail__withdraw').waitFor())
  })

  it('when the clerk pre-reviews and lists two problems at once, then the case waits for the citizen', async () => {
    expect(caseNo).not.toBe('')
    const { page } = await app.open(CLERK)
    await go(page, app, '/packages/staff/index/index')
    await shown(page).locator('.staff-shift__title').getByText('未签到').waitFor()
    await screenshot(page, 'case-4-staff-home')
    await shown(page).getByText('办件', { exact: true }).click()
    const card = shown(page).locator('.case-card').filter({ hasText: caseNo })
    await card.getByText('已提交').waitFor()
    await screenshotsAtPhoneWidths(page, 'case-4-worklist', () => shown(page).locator('.case-card').filter({ hasText: caseNo }).waitFor())
    await card.click()

    await staffAct(page, '开始预审')
    await staffAct(page, '一次性告知补正', async () => {
      const panel = shown(page).locator('.case-act')
      await panel.locator('.form-field--item-problem-0 input').fill('身份证照片反光看不清，请重新拍摄')
      await panel.getByText('＋ 再加一项').click()
      await panel.locator('.choice-chips--target-1').getByText('表单：出生地', { exact: true }).click()
      await panel.locator('.form-field--item-problem-1 input').fill('出生地应填写到县')
      await screenshot(page, 'case-5-staff-supplement')
    })
    await shown(page).locator('.staff__head').getByText('待补正').waitFor()
  })

  it('when the citizen replaces the photo and fixes the field, then the supplement is resubmitted', async () => {
    const { page } = await app.open(CITIZEN)
    await go(page, app, '/packages/case/mine/index')
    const card = shown(page).locator('.case-card').filter({ hasText: caseNo })
    await card.getByText('待补正').waitFor()
    await card.click()

    const detail = shown(page).locator('.case-detail')
    await detail.getByText('请补正以下2项内容').waitFor()
    await detail.getByText('身份证照片反光看不清，请重新拍摄').waitFor()
    await detail.getByText('出生地应填写到县').waitFor()
    await screenshotsAtPhoneWidths(page, 'case-6-supplement-notice', () => shown(page).getByText('请补正以下2项内容').waitFor())
    await detail.getByText('去补正', { exact: true }).click()

    const form = shown(page)
    await form.getByText('需要补正的内容（共2项）').waitFor()
    await waitForText(form.locator('.form-field--f-birthPlace .form-field__error'), '需补正：出生地应填写到县')
    await form.locator('.form-field--f-birthPlace input').fill('山西省运城市绛县')
    await uploadTo(page, 0, { name: 'id-card-new.jpg', mimeType: 'image/jpeg', buffer: JPEG_RETAKEN })
    await form.locator('.case-material--0 .case-file__name').filter({ hasText: 'id-card-new.jpg' }).waitFor()
    await screenshot(page, 'case-7-resupply')
    await form.getByText('下一步：核对并提交补正', { exact: true }).click()
    await shown(page).locator('.case-confirm').getByText('确认提交补正', { exact: true }).click()
    await waitForText(shown(page).locator('.case-detail__success-title'), '补正材料已提交，请留意审核结果')
  })

  it('when the clerk accepts, approves and sends it to the unified window, then the citizen sees 待领取 with the pickup code', async () => {
    const staff = await app.open(CLERK)
    await go(staff.page, app, '/packages/staff/cases/index')
    await shown(staff.page).locator('.case-card').filter({ hasText: caseNo }).click()
    await staffAct(staff.page, '开始预审')
    await staffAct(staff.page, '受理', async () => {
      const panel = shown(staff.page).locator('.case-act')
      await panel.locator('.form-field--note input').fill('材料齐全，已核验原件')
      await panel.locator('.check-box--internal').click()
    })
    await staffAct(staff.page, '开始办理')
    // 办结 records the fee charged: the matter's standard (120元) is filled in.
    await staffAct(staff.page, '准予办结', async () => {
      const panel = shown(staff.page).locator('.case-act')
      await panel.getByText('收费标准：普通护照每本120元（首次申请、换发、补发同价）').waitFor()
      expect(await panel.locator('.form-field--feeAmount input').inputValue()).toBe('120')
      await screenshot(staff.page, 'case-7b-staff-fee')
    })
    await staffAct(staff.page, '通知领取')
    const view = shown(staff.page)
    await view.locator('.staff__head').getByText('待领取').waitFor()
    await view.getByText('【内部备注】材料齐全，已核验原件').waitFor()
    await screenshotsAtPhoneWidths(staff.page, 'case-8-staff-detail', () =>
      shown(staff.page).getByText('【内部备注】材料齐全，已核验原件').waitFor(),
    )

    const { page } = await app.open(CITIZEN)
    await go(page, app, '/packages/case/mine/index')
    await shown(page).locator('.case-card').filter({ hasText: caseNo }).click()
    const detail = shown(page).locator('.case-detail')
    await detail.locator('.case-detail__state').getByText('待领取').waitFor()
    // Decided: the clock has stopped, so no working days are counted down any more.
    await detail.getByText('已办结（按期）').waitFor()
    expect(await detail.getByText(/剩\d+个工作日/).count()).toBe(0)
    await waitForText(detail.locator('.case-pickup__code'), /^\d{6}$/)
    await detail
      .getByText(/号窗口/)
      .first()
      .waitFor()
    // Internal notes stay inside the centre.
    expect(await detail.getByText('材料齐全，已核验原件').count()).toBe(0)
    await screenshotsAtPhoneWidths(page, 'case-9-pickup', () => shown(page).locator('.case-pickup__code').waitFor())
  })
})
