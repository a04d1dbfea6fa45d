/**
 * Attendance in a browser: the entrance screen, registered by the admin, shows the rotating code;
 * a window clerk signs in with it on the staff home (typed, as the h5 build has no camera); at noon
 * the supervisor's table scores the clerk's morning as attended and an absent colleague's as missed.
 */
import { invokeApi } from '../support/calls'
import { setBeijingNow } from '../support/clock'
import { staffContract } from '../../types/contracts'
import { appForFile, go, screenshot, screenshotsAtPhoneWidths, shown, waitForText } from './support/app'

const app = appForFile('2026-09-01', '08:58')

describe('signing in with the hall code', () => {
  it('when the clerk types the screen’s code on the staff home, then the sign-in counts and the supervisor sees it in the month’s score', async () => {
    // The admin registers the entrance screen on the attendance page and is shown its code once.
    const admin = await app.open('demo-admin')
    await go(admin.page, app, '/packages/supervision/attendance/index?month=2026-09')
    const displays = shown(admin.page).locator('.attendance__displays')
    await displays.locator('.form-field--displayName input').fill('一楼东门签到屏')
    await displays.getByText('登记签到屏幕', { exact: true }).click()
    const token = await waitForText(displays.locator('.attendance__made-token'), /^[0-9a-f]{32}$/)
    await displays.locator('.attendance__window').filter({ hasText: '一楼东门签到屏' }).getByText('尚未连接', { exact: false }).waitFor()
    await screenshot(admin.page, 'attendance-admin-displays')
    await screenshotsAtPhoneWidths(admin.page, 'attendance-admin', () => shown(admin.page).locator('.attendance__person').first().waitFor())
    const listed = await invokeApi(app.cloud, staffContract)({ action: 'listDisplays' }, 'demo-admin')
    expect(JSON.stringify(listed)).not.toContain(token)

    // The entrance screen: opened once with the admin's link, which keeps the token and drops it from the address.
    const screen = await app.open()
    await screen.page.setViewportSize({ width: 1920, height: 1080 })
    await go(screen.page, app, `/packages/supervision/hall-code/index?token=${token}`)
    const digits = await waitForText(shown(screen.page).locator('.hall-code__digits'), /^\d{3} \d{3}$/)
    expect(screen.page.url()).not.toContain(token)
    await shown(screen.page).getByText('一楼东门签到屏', { exact: false }).waitFor()
    await screenshot(screen.page, 'attendance-hall-code-1920')
    await screenshotsAtPhoneWidths(screen.page, 'attendance-hall-code', () => shown(screen.page).locator('.hall-code__digits').waitFor())

    // An unregistered screen gets no code.
    const stranger = await app.open()
    await go(stranger.page, app, '/packages/supervision/hall-code/index')
    await shown(stranger.page).getByText('签到屏幕尚未登记').waitFor()
    await screenshot(stranger.page, 'attendance-hall-code-unregistered')

    const clerk = await app.open('demo-staff-crj')
    await go(clerk.page, app, '/packages/staff/index/index')
    const card = shown(clerk.page).locator('.staff-shift')
    await waitForText(card.locator('.staff-shift__title'), '未签到')
    await screenshotsAtPhoneWidths(clerk.page, 'attendance-staff-home', () => card.locator('.form-field--hallCode input').waitFor())
    await card.locator('.form-field--hallCode input').fill('123')
    await card.getByText('签到', { exact: true }).click()
    await card.getByText('请输入签到屏幕上的6位数字').waitFor()
    await card.locator('.form-field--hallCode input').fill(digits.replace(' ', ''))
    await card.getByText('签到', { exact: true }).click()
    await waitForText(card.locator('.staff-shift__title'), '在岗')
    await card.getByText('08:58–在岗').waitFor()

    // Noon: the morning is over and scored.
    setBeijingNow('2026-09-01', '12:05')
    const office = await app.open('demo-supervisor')
    await go(office.page, app, '/packages/supervision/attendance/index?month=2026-09')
    const page = shown(office.page)
    const wang = page.locator('.attendance__person').filter({ hasText: '王芳（ZW0001）' })
    await waitForText(wang.locator('.attendance__person-score'), '100')
    // A colleague of the same department who never signed in lost the morning.
    const lead = page.locator('.attendance__person').filter({ hasText: '陈静（ZW0003）' })
    await waitForText(lead.locator('.attendance__person-score'), '95')
    await lead.locator('.attendance__person-head').click()
    await lead.getByText('缺勤半天（旷工）', { exact: false }).waitFor()
    await lead.getByText('09:00–12:00 未到岗').waitFor()
    await screenshotsAtPhoneWidths(office.page, 'attendance-supervisor', () =>
      shown(office.page).locator('.attendance__person').filter({ hasText: '王芳（ZW0001）' }).waitFor(),
    )

    // The clerk sees only their own month.
    await go(clerk.page, app, '/packages/supervision/attendance/index?month=2026-09')
    await waitForText(shown(clerk.page).locator('.attendance__score'), '100')
    expect(await shown(clerk.page).locator('.attendance__person').count()).toBe(0)
    await screenshotsAtPhoneWidths(clerk.page, 'attendance-own', () => shown(clerk.page).locator('.attendance__score').waitFor())
  })
})
