/**
 * 预计办结 in a browser: the demo history (six months of finished cases) is seeded, the catalog
 * job computes the figures, the passport guide shows 实际用时 as the catalog answers it, and a
 * citizen's accepted case shows its predicted date; once that date has passed the case page offers
 * 催办, which opens 我要咨询 with the case's number in the question.
 * The server clock is Tuesday 2026-12-01 09:00 Beijing time, then ten working days later.
 */
import cloud from 'wx-server-sdk'
import { installSdkEnv } from '../../local'
import { historyDocuments } from '../../local/seed/history'
import { catalogContract, caseContract } from '../../types/contracts'
import { builtInCalendar } from '../../types/domain/working-days'
import { pageUrl, ROUTES } from '../../types/routes'
import type { TestDatabase } from '../support/cloud'
import { dataOf, invokeApi } from '../support/calls'
import { setBeijingNow } from '../support/clock'
import { appForFile, go, screenshotsAtPhoneWidths, shown, waitForText } from './support/app'
import { passportCaseInProcess } from './support/case-pages'

const CITIZEN = 'demo-citizen-a'
const app = appForFile('2026-12-01', '09:00')

beforeAll(async () => {
  installSdkEnv(app.cloud)
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })
  const db = cloud.database() as unknown as TestDatabase
  await db.collection('cases').add({ data: historyDocuments(new Date('2026-12-01T01:00:00Z'), builtInCalendar) })
  expect(await app.cloud.trigger('catalog', 'tick', 'refreshPredictions')).toMatchObject({ ok: true })
}, 60_000)

describe('预计办结', () => {
  it('when a citizen opens the passport guide, then it shows how long it usually takes beside the limits', async () => {
    const figures = dataOf(await invokeApi(app.cloud, catalogContract)({ action: 'getMatter', id: 'm-passport' })).prediction!
    const { page } = await app.open(CITIZEN)
    await go(page, app, pageUrl(ROUTES.matter, { id: 'm-passport' }))
    const line = `通常${figures.typicalDays}个工作日，多数在${figures.mostDays}个工作日内`
    await waitForText(shown(page).locator('.matter__row').filter({ hasText: '实际用时' }).locator('.matter__value'), line)
    await screenshotsAtPhoneWidths(page, 'matter-prediction', () => shown(page).getByText(line).waitFor())
  })

  it('when the predicted date of an accepted case has passed, then the case page offers 催办, which asks about that case', async () => {
    const caseId = await passportCaseInProcess(app, CITIZEN, 81)
    const view = dataOf(await invokeApi(app.cloud, caseContract)({ action: 'getCase', caseId }, CITIZEN))
    expect(view.prediction?.passed).toBe(false)
    const { page } = await app.open(CITIZEN)
    await go(page, app, pageUrl(ROUTES.caseDetail, { id: caseId }))
    await shown(page).getByText('预计办结').waitFor()
    expect(await shown(page).getByText('催办', { exact: true }).count()).toBe(0)

    setBeijingNow(builtInCalendar.addWorkingDays(view.prediction!.date, 1), '09:00')
    await page.reload()
    const urge = shown(page).getByText('催办', { exact: true })
    await urge.waitFor()
    await screenshotsAtPhoneWidths(page, 'case-prediction-urge', () => shown(page).getByText('催办', { exact: true }).waitFor())
    await shown(page).getByText('催办', { exact: true }).click()
    const question = shown(page).locator('.inquiry-ask textarea')
    await question.waitFor()
    expect(await question.inputValue()).toContain(view.caseNo)
    await shown(page).getByText('普通护照签发').first().waitFor()
    setBeijingNow('2026-12-01', '09:00')
  })
})
