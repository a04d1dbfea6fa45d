/**
 * Joining as staff in a browser: the admin makes a one-time invitation in the 工作台, the new
 * colleague binds their own account with it and reaches the 工作台 with the role chosen.
 */
import { invokeApi } from '../support/calls'
import { staffContract } from '../../types/contracts'
import { appForFile, go, screenshot, shown, waitForText } from './support/app'

const app = appForFile()

describe('inviting a colleague', () => {
  it('when the admin invites a window clerk and the clerk binds the code, then the clerk opens the 工作台', async () => {
    const admin = await app.open('demo-admin')
    await go(admin.page, app, '/packages/staff/index/index')
    await shown(admin.page).getByText('邀请工作人员').first().click()
    const form = shown(admin.page)
    await form.locator('.choice-chips--department .choice-chips__chip').filter({ hasText: '出入境' }).first().click()
    await form.locator('.staff-invite__windows .choice-chips__chip').first().click()
    await form.locator('.form-field--staffNo input').fill('zw0901')
    await form.locator('.form-field--name input').fill('周敏')
    await form.getByText('生成邀请码').click()
    const code = await waitForText(shown(admin.page).locator('.staff-invite__code'), /^[A-Z0-9]{10}$/)
    // 72 hours from Monday 09:00 Beijing time.
    await shown(admin.page).getByText('2026-10-01 09:00').waitFor()
    await screenshot(admin.page, 'staff-invite-code')

    const clerk = await app.open('o-new-clerk')
    await go(clerk.page, app, '/packages/staff/bind/index')
    await shown(clerk.page).locator('.form-field--code input').fill(code)
    await shown(clerk.page).getByText('绑定', { exact: true }).click()
    await shown(clerk.page).getByText('绑定成功').waitFor()
    await shown(clerk.page).getByText('进入工作台').click()
    await waitForText(shown(clerk.page).locator('.staff__title'), '周敏（ZW0901）')
    await shown(clerk.page).getByText('窗口工作人员').first().waitFor()
    expect(await shown(clerk.page).getByText('邀请工作人员').count()).toBe(0)
  })

  it('when a clerk opens the invitation page, then the server refuses to make a code', async () => {
    const r = await invokeApi(app.cloud, staffContract)(
      { action: 'createInvitation', role: 'admin', departmentId: 'dept-crj', staffNo: 'ZW0999', name: '冒充者' },
      'demo-staff-crj',
    )
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })
})
