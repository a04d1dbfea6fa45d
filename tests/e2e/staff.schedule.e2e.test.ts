/**
 * 排班管理 in a browser: the passport department's lead opens it from the staff home, raises a
 * day's seats per slot, adds 延时服务 after closing, stops another day with a reason, and cannot
 * stop a day a citizen has booked; the citizen's slot list follows each change.
 */
import { invokeApi } from '../support/calls'
import { appointmentContract, catalogContract } from '../../types/contracts'
import { applicant, newRequestId } from '../support/people'
import { answerModal, appForFile, go, screenshot, screenshotsAtPhoneWidths, shown, waitForText } from './support/app'

const app = appForFile('2026-09-28', '09:00')
const appointment = () => invokeApi(app.cloud, appointmentContract)
const slotsOf = async (date: string, windowId: string) => (await slotsOfAny(date)).filter((s) => s.windowId === windowId)

describe('a lead plans a window’s days', () => {
  it('when the lead changes seats, adds evening hours and stops a day, then the citizen’s slots follow, and a booked day cannot be stopped', async () => {
    const { page } = await app.open('demo-lead-crj')
    await go(page, app, '/packages/staff/index/index')
    await shown(page).getByText('排班管理', { exact: true }).click()
    const view = shown(page)
    const windowId = await firstWindowOf()
    await waitForText(view.locator('.staff__title'), /号窗口/)
    const usual = (await slotsOf('2026-09-30', windowId))[0].capacity

    // 9月30日: two more seats per slot.
    const day = (date: string) => view.locator('.schedule-day').filter({ hasText: date })
    await day('9月30日').locator('.schedule-day__head').click()
    const plus = day('9月30日').locator('.schedule-tools__step').last()
    await plus.click()
    await plus.click()
    await waitForText(day('9月30日').locator('.schedule-tools__count'), `${usual + 2}人`)
    await day('9月30日').getByText('保存名额', { exact: true }).click()
    await day('9月30日')
      .getByText(`每时段${usual + 2}人`, { exact: true })
      .waitFor()
    expect((await slotsOf('2026-09-30', windowId)).every((s) => s.capacity === usual + 2)).toBe(true)

    // The same day: 延时服务 17:30–18:30 opens two more slots for citizens.
    const before = (await slotsOf('2026-09-30', windowId)).length
    await day('9月30日').getByText('下班后 17:30–18:30', { exact: true }).click()
    await day('9月30日').getByText('增加时段', { exact: true }).click()
    await day('9月30日').getByText('延时服务 17:30–18:30', { exact: true }).waitFor()
    const after = await slotsOf('2026-09-30', windowId)
    expect(after.length).toBe(before + 2)
    expect(after.at(-1)).toMatchObject({ start: '18:00', end: '18:30', capacity: usual + 2 })
    await screenshot(page, 'staff-schedule-day-open')

    // 9月29日: stopped with a reason; the citizen sees no slot at this window that day.
    await day('9月29日').locator('.schedule-day__head').click()
    await day('9月29日').getByText('停止这一天的预约', { exact: true }).click()
    await day('9月29日').getByText('请填写停止预约的原因（至少2个字）').waitFor()
    await day('9月29日').locator('.form-field--reason input').fill('设备检修')
    await day('9月29日').getByText('停止这一天的预约', { exact: true }).click()
    await answerModal(page, /停止后群众不能再预约/)
    await day('9月29日').getByText('停止预约：设备检修', { exact: true }).waitFor()
    expect(await slotsOf('2026-09-29', windowId)).toEqual([])

    // The window's usual number, one more: the days nobody set follow it, 9月30日 keeps its own.
    await view.getByText('调整平日名额 ›', { exact: true }).click()
    const usualForm = view.locator('.schedule__usual')
    await usualForm.locator('.schedule-tools__step').last().click()
    await waitForText(usualForm.locator('.schedule-tools__count'), `${usual + 1}人`)
    await usualForm.getByText('保存名额', { exact: true }).click()
    await waitForText(view.locator('.staff__sub'), new RegExp(`^平日每时段${usual + 1}人`))
    expect((await slotsOf('2026-10-12', windowId)).every((s) => s.capacity === usual + 1)).toBe(true)
    expect((await slotsOf('2026-09-30', windowId)).every((s) => s.capacity === usual + 2)).toBe(true)

    // 10月9日 has a citizen's booking: the tools say why it cannot be stopped.
    const [slot] = await slotsOf('2026-10-09', windowId)
    const booked = await appointment()(
      { action: 'book', slotId: slot.slotId, matterId: 'm-passport', requestId: newRequestId(), ...applicant(4242) },
      'o-schedule-citizen',
    )
    expect(booked.ok).toBe(true)
    await page.reload()
    await day('10月9日').locator('.schedule-day__head').click()
    await waitForText(day('10月9日').locator('.schedule-day__figures'), /已约1人/)
    await day('10月9日').getByText('这一天已有1个预约，不能停止预约；请先联系群众改约。').waitFor()
    await screenshotsAtPhoneWidths(page, 'staff-schedule', () => shown(page).locator('.schedule-day').first().waitFor())
  })

  it('when window staff open the page, then the staff home has no 排班管理 and the server refuses the days', async () => {
    const { page } = await app.open('demo-staff-crj')
    await go(page, app, '/packages/staff/index/index')
    await shown(page).getByText('窗口叫号', { exact: true }).waitFor()
    expect(await shown(page).getByText('排班管理', { exact: true }).count()).toBe(0)
    const r = await appointment()({ action: 'windowDays', windowId: await firstWindowOf() }, 'demo-staff-crj')
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })
})

/** The passport department's first window by number: the lead's page opens on it. */
async function firstWindowOf(): Promise<string> {
  const r = await invokeApi(app.cloud, catalogContract)({ action: 'listDepartments' })
  if (!r.ok) throw new Error(r.error.message)
  const passport = (await slotsOfAny('2026-09-30')).map((s) => s.windowId)
  const windows = r.data.departments.flatMap((d) => d.windows).filter((w) => passport.includes(w.id))
  return windows.sort((a, b) => a.number - b.number)[0].id
}

async function slotsOfAny(date: string) {
  const r = await appointment()({ action: 'listSlots', matterId: 'm-passport', date })
  if (!r.ok) throw new Error(r.error.message)
  return r.data.slots
}
