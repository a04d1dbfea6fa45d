/**
 * An anonymous complaint about a window, with a photo, through every page that handles it: the
 * citizen (张伟) files it and notes the number and the query password shown once; the centre
 * office (效能监督 刘洋) transfers it to 出入境 in its inbox; 王芳 of 出入境 replies in the department's
 * list; the office resolves it; then in a fresh page under another account (李娜) it is followed
 * with number and password — a wrong password says 未找到 — and the answer is rated.
 * The server clock is Monday 2026-09-21 09:00 Beijing time.
 */
import type { Page } from 'playwright-core'
import { complaintContract } from '../../types/contracts'
import { pageUrl, ROUTES } from '../../types/routes'
import { dataOf, invokeApi } from '../support/calls'
import { A, B, STAFF, SUPERVISOR } from '../support/demo'
import { jpeg } from '../support/files'
import { appForFile, go, screenshot, shown, waitForText } from './support/app'

const app = appForFile('2026-09-21', '09:00')

const TEXT = '9月18日上午在1号窗口办护照，工作人员一直低头看手机，让我等了四十分钟。'
const DEPT_REPLY = '经核实情况属实，已对当班人员批评教育，并调整窗口排班。'
const OFFICE_REPLY = '您反映的问题已由出入境管理大队整改，中心将加强窗口巡查。'

/** The current page at 375 px, then the same in 大字模式 (the class the switch sets on each page root), without reloading. */
async function shotsAt375(page: Page, name: string) {
  const before = page.viewportSize()
  await page.setViewportSize({ width: 375, height: 812 })
  await screenshot(page, name)
  const setLarge = (on: boolean) =>
    shown(page)
      .locator('.page')
      .first()
      .evaluate((el, v) => el.classList.toggle('page--large', v), on)
  await setLarge(true)
  await screenshot(page, `${name}-large`)
  await setLarge(false)
  if (before) await page.setViewportSize(before)
}

/** A staff page's action: opens the panel by its button, fills it, confirms, and waits for the panel to close. */
async function act(page: Page, label: string, fill: () => Promise<void>, confirm: string) {
  const view = shown(page).locator('.staff-complaint')
  await view.locator('.staff-complaint__actions').getByText(label, { exact: true }).click()
  await fill()
  await view.locator('.staff-complaint-act').getByText(confirm, { exact: true }).click()
  await view.locator('.staff-complaint-act').waitFor({ state: 'detached' })
}

describe('an anonymous complaint, transferred, answered and followed with its password', () => {
  let trackingNo = ''
  let password = ''

  it('when a citizen files an anonymous complaint about a window with a photo, then the number and the password are shown once', async () => {
    const { page } = await app.open(A)
    await go(page, app, pageUrl(ROUTES.complaintNew, { kind: 'window', windowId: 'win-01' }))
    const form = shown(page).locator('.complain')
    await waitForText(form.locator('.complain__picker'), /^1号窗口 /)
    await form.locator('.form-field--text textarea').fill('太差了')
    await form.getByText('提交投诉', { exact: true }).click()
    await waitForText(form.locator('.form-field--text .form-field__error'), '请把投诉内容写清楚（至少5个字）')

    await form.locator('.form-field--text textarea').fill(TEXT)
    const chooser = page.waitForEvent('filechooser')
    await form.locator('.complain__add').click()
    await (await chooser).setFiles({ name: 'window.jpg', mimeType: 'image/jpeg', buffer: jpeg(4000, 3) })
    await waitForText(form.locator('.complain__photo--sent .complain__photo-state'), '✓ 已上传')
    await form.locator('.choice-chips--identity').getByText('匿名投诉', { exact: true }).click()
    await form.getByText(/提交后会显示一个8位查询密码，只显示一次/).waitFor()
    expect(await form.locator('.form-field--contactPhone').count()).toBe(0)
    await shotsAt375(page, 'complaint-1-form')

    await form.getByText('提交投诉', { exact: true }).click()
    trackingNo = await waitForText(form.locator('.complain__tracking-no'), /^TS[A-Z2-9]{11}$/)
    password = await waitForText(form.locator('.complain__password'), /^\d{8}$/)
    await form.getByText('请记下或截图保存，密码只显示一次').waitFor()
    await form.getByText('复制编号和密码', { exact: true }).waitFor()
    await shotsAt375(page, 'complaint-2-sent')
  })

  it('when the office opens it in its inbox, then it sees the photo but not who complained, and transfers it to 出入境', async () => {
    const { page } = await app.open(SUPERVISOR)
    await go(page, app, pageUrl(ROUTES.staffComplaints))
    const list = shown(page).locator('.staff-complaints')
    const card = list.locator('.staff-complaint-card').filter({ hasText: TEXT })
    await card.getByText('待受理').waitFor()
    await card.getByText(/匿名 · 1张照片/).waitFor()
    await shotsAt375(page, 'complaint-3-office-inbox')
    await card.click()

    const view = shown(page).locator('.staff-complaint')
    await view
      .locator('.staff-complaint__title')
      .getByText(/^对1号窗口 .+的投诉$/)
      .waitFor()
    await view.getByText('匿名', { exact: true }).waitFor()
    expect(await view.locator('img.complaint-content__photo, .complaint-content__photo img').count()).toBe(1)
    expect(await view.innerText()).not.toContain(trackingNo)
    expect(await view.innerText()).not.toContain(A)
    await act(
      page,
      '受理决定',
      async () => {
        // Offered first: the department of the window complained about.
        await view
          .locator('.staff-complaint__dept--on')
          .getByText(/出入境管理大队/)
          .waitFor()
        await view.locator('.form-field--note textarea').fill('请核实1号窗口9月18日上午的服务情况')
        await shotsAt375(page, 'complaint-4-office-transfer')
      },
      '确认转办',
    )
    await view.locator('.staff-complaint__state').getByText('已转部门办理').waitFor()
    await view.getByText('县公安局出入境管理大队').waitFor()
  })

  it('when window staff of 出入境 open it in the department’s list, then they reply, and the office resolves it', async () => {
    const staff = await app.open(STAFF)
    await go(staff.page, app, pageUrl(ROUTES.staffComplaints))
    const card = shown(staff.page).locator('.staff-complaint-card').filter({ hasText: TEXT })
    await card.getByText('已转部门办理').waitFor()
    await card.click()
    const view = shown(staff.page).locator('.staff-complaint')
    await view.getByText('请核实1号窗口9月18日上午的服务情况').waitFor()
    expect(await view.innerText()).not.toMatch(/匿名|实名/)
    await act(staff.page, '部门答复', () => view.locator('.form-field--text textarea').fill(DEPT_REPLY), '确认部门答复')
    await view.locator('.staff-complaint__state').getByText('部门已答复').waitFor()
    await shotsAt375(staff.page, 'complaint-5-department-replied')

    const { page } = await app.open(SUPERVISOR)
    const { items } = dataOf(await invokeApi(app.cloud, complaintContract)({ action: 'inbox', state: 'replied' }, SUPERVISOR))
    await go(page, app, pageUrl(ROUTES.staffComplaint, { id: items[0].complaintId }))
    const office = shown(page).locator('.staff-complaint')
    await office.getByText(DEPT_REPLY).waitFor()
    await act(page, '办结答复', () => office.locator('.form-field--reply textarea').fill(OFFICE_REPLY), '确认办结答复')
    await office.locator('.staff-complaint__state').getByText('已办结').waitFor()
  })

  it('when another account follows it with number and password, then a wrong password says 未找到, the right one shows the answer, and it is rated', async () => {
    const { page } = await app.open(B)
    await go(page, app, pageUrl(ROUTES.complaintTrack))
    const track = shown(page).locator('.complaint-track')
    await track.locator('.form-field--trackingNo input').fill(trackingNo)
    const wrong = password === '00000000' ? '11111111' : '00000000'
    await track.locator('.form-field--password input').fill(wrong)
    await track.getByText('查询', { exact: true }).click()
    await waitForText(track.locator('.complaint-track__error'), '未找到该投诉，请核对投诉编号和查询密码')
    await shotsAt375(page, 'complaint-6-wrong-password')

    await track.locator('.form-field--password input').fill(password)
    await track.getByText('查询', { exact: true }).click()
    await track.locator('.feedback-object').getByText('已办结').waitFor()
    await track.getByText('已受理，转县公安局出入境管理大队办理').waitFor()
    await track.locator('.complaint-step--departmentReply').getByText(DEPT_REPLY).waitFor()
    await track.locator('.complaint-step--officeReply').getByText(OFFICE_REPLY).waitFor()
    expect(await track.locator('.complaint-content__photo').count()).toBe(1)
    // The office's note to the department is not the complainant's to read.
    expect(await track.innerText()).not.toContain('请核实1号窗口')
    await shotsAt375(page, 'complaint-7-followed')

    await track.locator('.complaint-rate__level--basic').click()
    await track.locator('.form-field--comment textarea').fill('处理还算及时')
    await track.getByText('提交评价', { exact: true }).click()
    await waitForText(track.locator('.complaint-track__rated'), '基本满意')
    await track.getByText('处理还算及时').waitFor()
    expect(await track.getByText('提交评价', { exact: true }).count()).toBe(0)
    await shotsAt375(page, 'complaint-8-rated')
  })
})
