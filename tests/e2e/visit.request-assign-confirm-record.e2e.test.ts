/**
 * 上门服务 from end to end in a browser: a relative asks for a door-to-door visit from the
 * 普通护照签发 matter page for an elderly parent; the 出入境 lead (陈静) assigns 王芳 and a half day
 * on the staff page; the citizen confirms the time; 王芳 records the visit with the materials she
 * took. Each page is photographed at 375 px, normal and large text. The server clock is fixed at
 * Monday 2026-11-02 09:00 Beijing time, so the first days offered are Tuesday 3 and Wednesday 4.
 */
import { setBeijingNow } from '../support/clock'
import { appForFile, go, screenshot, screenshotsAtPhoneWidths, shown, waitForText } from './support/app'

const CITIZEN = 'demo-citizen-a'
const LEAD = 'demo-lead-crj' // 陈静, lead of 出入境
const CLERK = 'demo-staff-crj' // 王芳 ZW0001, window staff of 出入境
const ADDRESS = '绛县古绛镇城北街12号3单元201'

const app = appForFile('2026-11-02', '09:00')

describe('a door-to-door visit: request, assignment, confirmation and the visit recorded', () => {
  let visitUrl = ''

  it('when a relative asks from the matter page, then the request waits for the department with its deadline', async () => {
    const { page } = await app.open(CITIZEN)
    await go(page, app, '/pages/matter/index?id=m-passport')
    await shown(page).getByText('申请上门服务', { exact: true }).click()

    const form = () => shown(page).locator('.visit-request')
    await waitForText(form().locator('.visit-page__title'), '普通护照签发')
    await screenshotsAtPhoneWidths(page, 'visit-1-request', () => form().locator('.visit-page__half--2026-11-03-am').waitFor())

    // Nothing filled in: the contract's own messages, on the device.
    await form().getByText('提交申请', { exact: true }).click()
    await waitForText(form().locator('.form-field--personName .form-field__error'), '请填写真实姓名')

    await form().locator('.choice-chips--relation').getByText('子女', { exact: true }).click()
    await form().locator('.form-field--personName input').fill('张秀英')
    await form().locator('.form-field--personPhone input').fill('13812345678')
    await form().locator('.form-field--contactPhone input').fill('13987654321')
    await form().locator('.form-field--address textarea').fill(ADDRESS)
    await form().locator('.visit-page__half--2026-11-03-pm').click()
    await form().locator('.visit-page__half--2026-11-04-am').click()
    await waitForText(form().locator('.visit-page__half--2026-11-04-am'), '✓ 上午')
    await screenshot(page, 'visit-2-request-filled')
    await form().getByText('提交申请', { exact: true }).click()

    const detail = shown(page).locator('.visit-detail')
    await waitForText(detail.locator('.visit-page__done-title'), '申请已提交')
    await detail.getByText(/将于2026-11-03前为您安排上门时间/).waitFor()
    visitUrl = page.url().replace(/&?fresh=1/, '')
    await screenshotsAtPhoneWidths(page, 'visit-3-detail-requested', () => detail.locator('.visit-page__card').waitFor())
  })

  it('when the lead opens the department’s list and assigns 王芳 for Wednesday morning, then the request waits for the citizen', async () => {
    const { page } = await app.open(LEAD)
    await go(page, app, '/packages/staff/visits/index')
    const list = () => shown(page).locator('.staff-visits')
    const card = () => list().locator('.staff-visit-card').filter({ hasText: '张秀英' })
    await card().getByText('待派单').waitFor()
    await screenshotsAtPhoneWidths(page, 'visit-4-staff-list', () => card().waitFor())
    await card().click()

    const view = () => shown(page).locator('.staff-visit')
    await view().getByText(`联系张秀英：13812345678（点击拨打）`).waitFor()
    await view().getByText(ADDRESS).waitFor()
    await view().locator('.choice-chips--staff').getByText('王芳 ZW0001', { exact: true }).click()
    await screenshotsAtPhoneWidths(page, 'visit-5-staff-assign', () => view().locator('.choice-chips--staff').waitFor())
    await view().locator('.choice-chips--staff').getByText('王芳 ZW0001', { exact: true }).click()
    await view().locator('.visit-page__half--2026-11-04-am').click()
    await waitForText(view().locator('.visit-page__half--2026-11-04-am'), '✓ 上午')
    await screenshot(page, 'visit-5-staff-assign-chosen')
    await view().getByText('派单并通知群众', { exact: true }).click()
    await view().locator('.tag').getByText('待确认时间', { exact: true }).waitFor()
    await view().getByText('上门时间：2026-11-04 上午').waitFor()
    // A time already set is changed only on a tap (改派或改时间), not by a panel left open.
    await view().getByText('改派或改时间', { exact: true }).waitFor()
    expect(await view().getByText('派单并通知群众').count()).toBe(0)
  })

  it('when the citizen opens 我的上门与帮办 and confirms the time, then it is agreed and names who comes', async () => {
    const { page } = await app.open(CITIZEN)
    await go(page, app, '/packages/visit/mine/index')
    const card = () => shown(page).locator('.visit-card').first()
    await card().getByText('请确认上门时间：2026-11-04 上午').waitFor()
    await screenshotsAtPhoneWidths(page, 'visit-6-mine', () => card().waitFor())
    await card().click()

    const detail = () => shown(page).locator('.visit-detail')
    await detail().getByText('工作人员：王芳（工号 ZW0001）').waitFor()
    await screenshotsAtPhoneWidths(page, 'visit-7-detail-assigned', () => detail().getByText('确认上门时间', { exact: true }).waitFor())
    await detail().getByText('确认上门时间', { exact: true }).click()
    await detail().locator('.tag').getByText('已约定时间', { exact: true }).waitFor()
  })

  it('when 王芳 records the visit with the materials taken, then the citizen sees the record and may apply online', async () => {
    setBeijingNow('2026-11-04', '10:30')
    const { page } = await app.open(CLERK)
    await go(page, app, '/packages/staff/visits/index')
    // Window staff open on 已派单: their own tasks.
    const card = () => shown(page).locator('.staff-visit-card').filter({ hasText: '张秀英' })
    await card().getByText('已约定时间').waitFor()
    await card().click()
    const view = () => shown(page).locator('.staff-visit')
    await view().getByText('登记上门情况').waitFor()
    await view().locator('.check-box--material-0').click()
    await view().locator('.check-box--material-1').click()
    await view().locator('.form-field--visitNote textarea').fill('已现场采集照片，协助填写申请表')
    await screenshotsAtPhoneWidths(page, 'visit-8-staff-record', () => view().getByText('登记上门情况').waitFor())
    await view().locator('.check-box--material-0').click()
    await view().locator('.check-box--material-1').click()
    await view().locator('.form-field--visitNote textarea').fill('已现场采集照片，协助填写申请表')
    await screenshot(page, 'visit-8-staff-record-filled')
    await view().getByText('登记上门', { exact: true }).click()
    await view().locator('.tag').getByText('已上门', { exact: true }).waitFor()
    await view().getByText('关联办件', { exact: true }).first().waitFor()

    const citizen = await app.open(CITIZEN)
    await citizen.page.goto(visitUrl)
    const detail = () => shown(citizen.page).locator('.visit-detail')
    await detail().getByText('上门记录').waitFor()
    await detail().getByText('11月4日 10:30').waitFor()
    await detail().getByText('已现场采集照片，协助填写申请表').waitFor()
    await screenshotsAtPhoneWidths(citizen.page, 'visit-9-detail-visited', () =>
      detail().getByText('在线申请此事项', { exact: true }).waitFor(),
    )
    await detail().getByText('在线申请此事项', { exact: true }).click()
    await shown(citizen.page).locator('.case-apply, .case-page').first().waitFor()
  })
})
