/**
 * 红黄灯 in a browser: two passport cases of one citizen, driven through the real case actions on
 * Monday 2026-11-02 — one finished with 150 yuan charged against the 120 yuan standard and sent
 * to the pickup window (red: 收费与标准不符), one left in process until its promised date is one
 * working day away (yellow). The supervisor opens the red/yellow list, filters it, and drills into
 * the red case: the light, its reason, the violation and the masked timeline. The handling staff
 * member appeals the violation; the supervisor dismisses it as a false alarm and the case turns green.
 */
import type { Page } from 'playwright-core'
import { caseContract } from '../../types/contracts'
import { pageUrl, ROUTES } from '../../types/routes'
import { dataOf, invokeApi } from '../support/calls'
import { passportForm, profile } from '../support/case'
import { setBeijingNow } from '../support/clock'
import { STAFF, SUPERVISOR } from '../support/demo'
import { jpeg } from '../support/files'
import { newRequestId } from '../support/people'
import { appForFile, go, screenshotsAtPhoneWidths, shown, waitForText } from './support/app'

const CITIZEN = 'demo-citizen-a'
const PHONE = '13912345678'
const app = appForFile('2026-11-02', '10:00')

/** A passport case of the citizen, accepted by 王芳 (with a note naming the applicant's phone) and in process. */
async function processing(seq: number): Promise<{ caseId: string; caseNo: string }> {
  const cases = invokeApi(app.cloud, caseContract)
  const made = dataOf(
    await cases(
      { action: 'createDraft', matterId: 'm-passport', applicant: profile(seq), form: passportForm(), requestId: newRequestId() },
      CITIZEN,
    ),
  )
  const photo = { fileName: 'scan.jpg', contentType: 'image/jpeg' as const, dataBase64: jpeg(64, seq).toString('base64') }
  dataOf(await cases({ action: 'uploadMaterial', caseId: made.caseId, materialIndex: 0, ...photo }, CITIZEN))
  dataOf(await cases({ action: 'act', caseId: made.caseId, transition: 'submit' }, CITIZEN))
  dataOf(await cases({ action: 'act', caseId: made.caseId, transition: 'startPreReview' }, STAFF))
  dataOf(await cases({ action: 'act', caseId: made.caseId, transition: 'accept', note: `已电话联系申请人${PHONE}`, internal: true }, STAFF))
  dataOf(await cases({ action: 'act', caseId: made.caseId, transition: 'startProcessing' }, STAFF))
  return made
}

const list = (page: Page) => shown(page).locator('.sv-cases')
const detail = (page: Page) => shown(page).locator('.sv-case')

describe('a red case from the list to the dismissed appeal', () => {
  let red = { caseId: '', caseNo: '' }
  let yellow = { caseId: '', caseNo: '' }

  beforeAll(async () => {
    const cases = invokeApi(app.cloud, caseContract)
    red = await processing(71)
    dataOf(await cases({ action: 'act', caseId: red.caseId, transition: 'approve', fee: { amount: 150 } }, STAFF))
    dataOf(await cases({ action: 'act', caseId: red.caseId, transition: 'readyForPickup' }, STAFF))
    yellow = await processing(72)
    // Tuesday 10 November: the second case's promised date (11 November) is one working day away.
    setBeijingNow('2026-11-10', '09:00')
    await app.cloud.trigger('supervision', 'tick', 'relight')
  }, 60_000)

  it('when the supervisor opens 红黄灯办件, then both cases show their light in words and their reasons; 红灯 filters to the red one', async () => {
    const { page } = await app.open(SUPERVISOR)
    await go(page, app, pageUrl(ROUTES.supervisionCases))
    const redCard = list(page).locator('.sv-light-card').filter({ hasText: red.caseNo })
    const yellowCard = list(page).locator('.sv-light-card').filter({ hasText: yellow.caseNo })
    await waitForText(redCard.locator('.sv-light'), /^●\s*红灯$/)
    await redCard.getByText('收费与标准不符').waitFor()
    await waitForText(yellowCard.locator('.sv-light'), /^●\s*黄灯$/)
    await yellowCard.getByText('承诺办结日期2026-11-11，仅剩1个工作日').waitFor()
    await screenshotsAtPhoneWidths(page, 'supervision-lights-1-list', () => redCard.waitFor())
    await list(page).locator('.choice-chips--light').getByText('红灯', { exact: true }).click()
    await yellowCard.waitFor({ state: 'detached' })
    await redCard.waitFor()
    await list(page).locator('.choice-chips--tab').getByText('违规记录', { exact: true }).click()
    await list(page).locator('.sv-violation').filter({ hasText: red.caseNo }).getByText('待整改').waitFor()
  })

  it('when the supervisor drills into the red case, then the reason, the violation and the timeline show, personal data masked', async () => {
    const { page } = await app.open(SUPERVISOR)
    await go(page, app, pageUrl(ROUTES.supervisionCases, { light: 'red' }))
    await list(page).locator('.sv-light-card').filter({ hasText: red.caseNo }).click()
    const view = detail(page)
    await waitForText(view.locator('.sv-light').first(), /^●\s*红灯$/)
    await view.getByText('收费标准120元（普通护照每本120元（首次申请、换发、补发同价）），办结时记录150元').first().waitFor()
    await view.getByText('已电话联系申请人139****5678').waitFor()
    await view.getByText('受理', { exact: true }).waitFor()
    await view.getByText('发出督办').waitFor()
    const text = await view.innerText()
    for (const secret of [PHONE, '张伟']) expect(text).not.toContain(secret)
    expect(text).toContain('申请人 张*')
    await screenshotsAtPhoneWidths(page, 'supervision-lights-2-red-case', () => detail(page).locator('.sv-violation').waitFor())
  })

  it('when the handling staff member appeals and the supervisor dismisses it, then the violation is 误报已撤销 and the case is green', async () => {
    const staff = await app.open(STAFF)
    await go(staff.page, app, pageUrl(ROUTES.supervisionCase, { id: red.caseId }))
    const mine = detail(staff.page)
    await mine.locator('.sv-case__panel--appeal textarea').fill('实收120元，系金额录入错误，有缴费票据可查')
    await mine.getByText('提交申诉', { exact: true }).click()
    await mine.locator('.sv-violation__status').getByText('申诉中').waitFor()
    await mine.locator('.sv-case__panel--appeal').waitFor({ state: 'detached' })

    const { page } = await app.open(SUPERVISOR)
    await go(page, app, pageUrl(ROUTES.supervisionCase, { id: red.caseId }))
    const view = detail(page)
    await view.getByText('实收120元，系金额录入错误，有缴费票据可查', { exact: false }).waitFor()
    await screenshotsAtPhoneWidths(page, 'supervision-lights-3-appeal', () => detail(page).locator('.sv-case__panel--decide').waitFor())
    await view.locator('.sv-case__panel--decide textarea').fill('核对缴费票据，实收120元，撤销')
    await view.getByText('撤销（误报）', { exact: true }).click()
    await view.locator('.sv-violation__status').getByText('误报已撤销').waitFor()
    await waitForText(view.locator('.sv-light').first(), /^●\s*绿灯$/)
    await view.getByText('办理正常，暂无预警。').waitFor()
  })
})
