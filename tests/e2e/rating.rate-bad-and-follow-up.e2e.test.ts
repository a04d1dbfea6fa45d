/**
 * 好差评 from the citizen's side in a browser: two passport cases of 张伟 are approved (办结) through
 * the real case actions and invited by the rating sweep; from 我的评价与投诉 she opens 待评价 and the
 * form of one, is refused a 差评 without a reason (nothing written), then rates it 不满意 with a
 * reason and a text; the 出入境 clerk verifies (回访) and replies (整改反馈) through the rating API;
 * she sees both steps on her rating, follows up (追评) and the 差评 is 已办结. The public figures
 * show the department's month. Every page also at 375 px in 大字模式.
 * The server clock is fixed at Monday 2026-11-02 10:00 Beijing time.
 */
import type { Page } from 'playwright-core'
import { ratingContract } from '../../types/contracts'
import { pageUrl, ROUTES } from '../../types/routes'
import { dataOf, invokeApi } from '../support/calls'
import { STAFF } from '../support/demo'
import { appForFile, go, screenshot, shown, waitForText, screenshotsAtPhoneWidths } from './support/app'
import { approvedPassportCase } from './support/case-pages'

const CITIZEN = 'demo-citizen-a'
const TEXT = '窗口要求提供指南以外的材料，多跑了一趟'
const CALL_BACK = '已电话回访张女士，确认窗口多要了户口本复印件'
const REPLY = '已对窗口人员进行提醒，今后严格按办事指南收取材料'
const FOLLOW_UP = '部门回电说明了情况，态度很好'

const app = appForFile('2026-11-02', '10:00')
const rating = () => invokeApi(app.cloud, ratingContract)

const finishedCase = (seq: number) => approvedPassportCase(app, CITIZEN, seq)

const myRatings = async () => dataOf(await rating()({ action: 'myRatings' }, CITIZEN)).items

const rateForm = (page: Page) => shown(page).locator('.feedback-rate')

describe('a citizen rates a finished case 不满意, sees the department’s handling and follows up', () => {
  let rated = ''
  let other = ''
  let ratingId = ''

  beforeAll(async () => {
    rated = await finishedCase(71)
    other = await finishedCase(72)
    expect(await app.cloud.trigger('rating', 'tick', 'inviteSweep')).toMatchObject({ ok: true })
  }, 60_000)

  it('when she opens 我的评价与投诉, then the two finished cases wait for a rating and each opens its form', async () => {
    const { page } = await app.open(CITIZEN)
    await go(page, app, pageUrl(ROUTES.feedbackMine))
    const mine = shown(page).locator('.feedback-mine')
    await waitForText(mine.locator('.feedback-pending__text'), '有2项服务待评价')
    await mine.getByText('您还没有评价过').waitFor()
    await screenshotsAtPhoneWidths(page, 'rating-1-mine', () => mine.locator('.feedback-pending').waitFor())

    await mine.locator('.choice-chips--tab').getByText('我的投诉', { exact: true }).click()
    await mine.getByText('我要投诉', { exact: true }).waitFor()
    await mine.getByText(/匿名投诉不在此列/).waitFor()
    await mine
      .locator('.feedback-page__link')
      .getByText(/凭编号查询投诉/)
      .waitFor()
    await mine.locator('.choice-chips--tab').getByText('我的评价', { exact: true }).click()
    await mine.locator('.feedback-pending').waitFor()

    // The tab in the query opens on 我的投诉 (what a complaint's pages link back to).
    await go(page, app, pageUrl(ROUTES.feedbackMine, { tab: 'complaints' }))
    await screenshotsAtPhoneWidths(page, 'rating-2-mine-complaints', () => shown(page).getByText('我要投诉', { exact: true }).waitFor())
    await go(page, app, pageUrl(ROUTES.feedbackMine))
    await shown(page).locator('.feedback-pending').click()
    const list = shown(page)
    await list.getByText('待评价', { exact: true }).waitFor()
    await list.locator('.feedback-card--invitation').nth(1).waitFor()
    expect(await list.locator('.feedback-card--invitation').count()).toBe(2)
    await list
      .locator('.feedback-card--invitation')
      .first()
      .getByText(/11月9日前未评价将默认「基本满意」/)
      .waitFor()
    await screenshotsAtPhoneWidths(page, 'rating-3-pending', () => shown(page).locator('.feedback-card--invitation').first().waitFor())

    // The second case's form, left unrated: the form as it first shows, and a good rating's tags.
    await go(page, app, pageUrl(ROUTES.feedbackRate, { objectKind: 'case', objectId: other }))
    const form = rateForm(page)
    await form.locator('.feedback-object__title').getByText('普通护照签发').waitFor()
    await form.getByText('县公安局出入境管理大队').waitFor()
    await form.getByText(/11月9日起将默认记为「基本满意」/).waitFor()
    await form.locator('.feedback-levels__level--satisfied').click()
    await form.locator('.feedback-tags__tag').getByText('办事效率', { exact: true }).waitFor()
    expect(await form.getByText('服务态度差').count()).toBe(0)
    await screenshotsAtPhoneWidths(page, 'rating-4-form', () => rateForm(page).locator('.feedback-levels').waitFor())
  })

  it('when she sends 不满意 without a reason, then the tags field says why and nothing is written; with one, the rating opens fresh', async () => {
    const { page } = await app.open(CITIZEN)
    await go(page, app, pageUrl(ROUTES.feedbackRate, { objectKind: 'case', objectId: rated }))
    const form = rateForm(page)
    await form.locator('.feedback-levels__level--dissatisfied').click()
    await form.getByText(/差评请至少选择一项原因，并写明问题（至少5个字）/).waitFor()
    await form.locator('.feedback-tags__tag').getByText('服务态度差', { exact: true }).waitFor()
    await form.locator('.form-field--text textarea').fill('不好')
    await form.getByText('提交评价：不满意', { exact: true }).click()
    await waitForText(form.locator('.form-field--tags .form-field__error'), '差评请至少选择一项原因')
    await waitForText(form.locator('.form-field--text .form-field__error'), '差评请写明问题（至少5个字）')
    expect(await myRatings()).toHaveLength(0)
    await screenshot(page, 'rating-5-refused')

    await form.locator('.feedback-tags__tag').getByText('要求提供办事指南之外的材料', { exact: true }).click()
    await form.locator('.form-field--text textarea').fill(TEXT)
    await form.getByText('提交评价：不满意', { exact: true }).click()

    const view = shown(page).locator('.feedback-rating')
    await waitForText(view.locator('.feedback-page__done-title'), '评价已提交，感谢您的反馈')
    await waitForText(view.locator('.feedback-object__level'), '不满意')
    await view.locator('.tag').getByText('待核实', { exact: true }).waitFor()
    await view.getByText(TEXT).waitFor()
    const items = await myRatings()
    expect(items).toHaveLength(1)
    expect(items[0]).toMatchObject({ objectId: rated, level: 'dissatisfied', tags: ['要求提供办事指南之外的材料'], state: 'open' })
    ratingId = items[0].ratingId
    await screenshotsAtPhoneWidths(page, 'rating-6-fresh', () => shown(page).locator('.feedback-object').waitFor())

    // Rated: the form of that case now says so and leads to the rating.
    await go(page, app, pageUrl(ROUTES.feedbackRate, { objectKind: 'case', objectId: rated }))
    await shown(page).getByText('您已评价过该服务').waitFor()
    await screenshot(page, 'rating-7-rated-already')
  })

  it('when the department calls back and replies, then she sees both on the timeline, follows up once and the 差评 is 已办结', async () => {
    dataOf(await rating()({ action: 'verify', ratingId, note: CALL_BACK }, STAFF))
    dataOf(await rating()({ action: 'reply', ratingId, text: REPLY }, STAFF))

    const { page } = await app.open(CITIZEN)
    await go(page, app, pageUrl(ROUTES.feedbackMine))
    const card = shown(page).locator('.feedback-card--rating').filter({ hasText: '普通护照签发' })
    await card.getByText('差评 · 已整改反馈', { exact: true }).waitFor()
    await card.click()

    const view = shown(page).locator('.feedback-rating')
    const timeline = view.locator('.case-timeline')
    await timeline.locator('.case-timeline__item--verified').getByText(CALL_BACK).waitFor()
    await timeline.locator('.case-timeline__item--replied').getByText(REPLY).waitFor()
    await waitForText(timeline.locator('.case-timeline__item--latest .case-timeline__label'), '部门已整改并反馈')
    await view.getByText(/您可以追评一次（11月17日前）/).waitFor()
    await screenshotsAtPhoneWidths(page, 'rating-8-replied', () => shown(page).locator('.case-timeline').waitFor())

    await view.locator('.feedback-levels--follow-up .feedback-levels__level--satisfied').click()
    await view.getByText('提交追评', { exact: true }).click()
    await waitForText(view.locator('.form-field--follow-up-text .form-field__error'), '请输入追评内容')
    await view.locator('.form-field--follow-up-text textarea').fill(FOLLOW_UP)
    await view.getByText('提交追评', { exact: true }).click()
    await view.locator('.section').filter({ hasText: '我的追评' }).getByText(FOLLOW_UP).waitFor()
    await view.locator('.feedback-object .tag').getByText('已办结', { exact: true }).waitFor()
    expect(await view.getByText('提交追评', { exact: true }).count()).toBe(0)
    await waitForText(timeline.locator('.case-timeline__item--latest .case-timeline__label'), '追评：满意')
    const after = dataOf(await rating()({ action: 'getRating', ratingId }, CITIZEN))
    expect(after).toMatchObject({ state: 'closed', followUp: { level: 'satisfied', text: FOLLOW_UP } })
    await page.waitForTimeout(1_600) // the 追评已提交 toast fades out first
    await screenshotsAtPhoneWidths(page, 'rating-9-followed-up', () => shown(page).locator('.case-timeline').waitFor())
  })

  it('when anyone opens the figures of the month, then the department row counts the 差评, handled on time', async () => {
    const { page } = await app.open()
    await go(page, app, pageUrl(ROUTES.feedbackFigures, { month: '2026-10' }))
    const figures = shown(page).locator('.feedback-figures-page')
    await figures.getByText('2026年10月', { exact: true }).waitFor()
    await figures.getByText('本月暂无评价').waitFor()
    await figures.locator('.feedback-month__step').getByText('下月 ›').click()
    await figures.getByText('2026年11月', { exact: true }).waitFor()
    const row = figures.locator('.feedback-figures--dept-crj')
    await row.getByText('县公安局出入境管理大队').waitFor()
    const cell = (label: string) => row.locator('.feedback-figures__cell').filter({ hasText: label }).locator('.feedback-figures__value')
    await waitForText(cell('评价数'), '1')
    await waitForText(cell('主动评价率'), '100%')
    await waitForText(cell('好评率'), '0%')
    await waitForText(cell('差评率'), '100%')
    await waitForText(cell('差评按期整改'), '1/1')
    await row.getByText(/要求提供办事指南之外的材料（1）/).waitFor()
    await figures.getByText(/默认记为“基本满意”的不计入/).waitFor()
    await go(page, app, pageUrl(ROUTES.feedbackFigures, { month: '2026-11' }))
    await screenshotsAtPhoneWidths(page, 'rating-10-figures', () => shown(page).locator('.feedback-figures--dept-crj').waitFor())
  })
})
