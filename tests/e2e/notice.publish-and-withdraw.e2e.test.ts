/**
 * 通知公告 from end to end in a browser: the centre office (效能监督) writes an announcement about
 * 普通护照签发, previews it and publishes it; a citizen sees it on the home page, on the matter's
 * page and opens it; the 公众号's articles (served by the local cloud's fake 公众号 API) are pulled
 * by the timer job and listed; the office withdraws the announcement and it disappears from both
 * pages. The server clock is fixed at Monday 2026-12-21 09:00 Beijing time.
 */
import { ROUTES, pageUrl } from '../../types/routes'
import { answerModal, appForFile, go, screenshot, screenshotsAtPhoneWidths, shown, waitForText } from './support/app'

const OFFICE = 'demo-supervisor'
const CITIZEN = 'demo-citizen-a'
const TITLE = '护照窗口12月28日暂停受理'
const BODY = '因出入境管理信息系统升级，12月28日（周一）出入境窗口暂停受理普通护照签发业务，29日起恢复。急需出国的群众请提前预约。'

const app = appForFile('2026-12-21', '09:00')

async function homeNotices(openid: string) {
  const { page } = await app.open(openid)
  await go(page, app, pageUrl(ROUTES.home))
  const card = shown(page).locator('.home__notices')
  await card.locator('.home__notices-title').waitFor()
  await shown(page).getByText('正在读取…').waitFor({ state: 'detached' })
  return { page, card }
}

describe('the office publishes an announcement, citizens see it, the office withdraws it', () => {
  it('when the office writes, previews and publishes an announcement about 普通护照签发, then it is published', async () => {
    const { page } = await app.open(OFFICE)
    await go(page, app, pageUrl(ROUTES.adminNotices))
    await shown(page).getByText('还没有公告').waitFor()
    await shown(page).getByText('新建公告', { exact: true }).click()

    const form = shown(page).locator('.notice-admin')
    await form.locator('.form-field--notice-title input').fill(TITLE)
    await form.locator('.notice-admin__textarea textarea').first().fill(BODY)
    await form.locator('.form-field--notice-matter-q input').fill('护照')
    await form.locator('.notice-admin__option').getByText('普通护照签发').click()
    await form.locator('.notice-admin__matter').getByText('普通护照签发').waitFor()
    await form.locator('.notice-admin__switch .weui-switch, .notice-admin__switch input').first().click()
    await screenshot(page, 'notice-1-edit')

    await form.locator('.choice-chips--notice-mode').getByText('预览').click()
    await form.locator('.notice-admin__preview .notice-page__title').getByText(TITLE).waitFor()
    await form.locator('.notice-admin__preview').getByText(BODY).waitFor()
    await form.locator('.notice-admin__preview').getByText('置顶').waitFor()
    await screenshot(page, 'notice-2-preview')

    await form.getByText('发布', { exact: true }).click()
    await answerModal(page, '确定发布？')
    await waitForText(shown(page).locator('.notice-admin__sub'), /已发布/)
    await shown(page).locator('.notice-admin__history-line').nth(1).waitFor()
    await screenshotsAtPhoneWidths(page, 'notice-3-published', () => shown(page).locator('.notice-admin__history-line').nth(1).waitFor())
  })

  it('when a citizen opens the home page and the matter page, then the announcement is on both and opens', async () => {
    const { page, card } = await homeNotices(CITIZEN)
    await card.getByText(TITLE).waitFor()
    await card.getByText('置顶').waitFor()
    await card.locator('.notice-list__unread').waitFor()
    // 长辈版 keeps the home to its six tiles (no notices list): the large picture shows that home.
    await screenshotsAtPhoneWidths(page, 'notice-4-home', () =>
      shown(page).locator('.home__notices').getByText(TITLE).or(shown(page).locator('.home-elder')).first().waitFor(),
    )

    await go(page, app, pageUrl(ROUTES.matter, { id: 'm-passport' }))
    const notices = shown(page).locator('.matter__notices')
    await notices.getByText(TITLE).waitFor()
    await screenshotsAtPhoneWidths(page, 'notice-4-matter', () => shown(page).locator('.matter__notices').getByText(TITLE).waitFor())
    await shown(page).locator('.matter__notices').getByText(TITLE).click()
    const detail = shown(page).locator('.notice-page')
    await waitForText(detail.locator('.notice-page__title'), TITLE)
    await detail.getByText(BODY).waitFor()
    await detail.getByText('查看办事指南：普通护照签发 ›').waitFor()
    await screenshotsAtPhoneWidths(page, 'notice-5-detail', () => shown(page).locator('.notice-page').getByText(BODY).waitFor())

    // Opened once: no longer unread on the home page.
    const again = await homeNotices(CITIZEN)
    await again.card.getByText(TITLE).waitFor()
    expect(await again.card.locator('.notice-list__unread').count()).toBe(0)
  })

  it("when the timer pulls the 公众号's articles, then the list shows them with the announcements", async () => {
    const report = (await app.cloud.trigger('notice', 'tick', 'pullArticles')) as { ok: boolean; data: { added?: number } }
    expect(report).toMatchObject({ ok: true, data: { added: 3 } })
    const { page } = await app.open(CITIZEN)
    await go(page, app, pageUrl(ROUTES.noticeList))
    const list = shown(page).locator('.notice-page')
    await list.getByText(TITLE).waitFor()
    for (const t of ['县政务服务中心元旦假期服务安排', '一图读懂：新生儿出生“一件事”联办', '办理不动产登记，这些材料请提前备好'])
      await list.getByText(t).waitFor()
    // Covers come from our storage, not from the 公众号's image host.
    const src = await list.locator('.notice-article__cover img').first().getAttribute('src')
    expect(src ?? '').toContain(`${app.url}/files/`)
    // On the web there is no profile to open: a note instead of the 「关注公众号」 entry.
    await list.getByText('在微信中搜索本中心公众号即可关注，获取政策解读和办事提醒。').waitFor()
    await screenshotsAtPhoneWidths(page, 'notice-6-list', () => shown(page).locator('.notice-article').first().waitFor())

    await list.locator('.choice-chips--notice-tab').getByText('公众号文章').click()
    await waitForText(list.locator('.choice-chips--notice-tab .choice-chips__chip--on'), '✓ 公众号文章')
    expect(await list.getByText(TITLE).count()).toBe(0)
    const opened = page.context().waitForEvent('page')
    await list.getByText('县政务服务中心元旦假期服务安排').click()
    const article = await opened
    await article.waitForLoadState()
    expect(article.url()).toContain('/wxmp/s/fake-art-0001')
    await article.close()
  })

  it('when the office withdraws it, then it disappears from the home page and the matter page', async () => {
    const { page } = await app.open(OFFICE)
    await go(page, app, pageUrl(ROUTES.adminNotices))
    await shown(page).locator('.notice-admin__card').getByText(TITLE).click()
    const form = shown(page).locator('.notice-admin')
    await form.locator('.form-field--notice-reason input').fill('窗口恢复正常，取消暂停')
    await form.getByText('撤回公告', { exact: true }).click()
    await answerModal(page, '撤回后群众将看不到这条公告。')
    await waitForText(shown(page).locator('.notice-admin__sub'), /已撤回/)
    await shown(page)
      .getByText(/撤回 · .* · 窗口恢复正常，取消暂停/)
      .waitFor()

    // Nothing left to read: the home page shows no 通知公告 box at all.
    const { page: home } = await app.open(CITIZEN)
    const listed = home.waitForResponse((r) => r.url().includes('/api/fn/notice') && r.request().postData()?.includes('"list"') === true)
    await go(home, app, pageUrl(ROUTES.home))
    await listed
    // The box is drawn while the list loads (正在读取…) and goes once it answers none.
    await shown(home).locator('.home__notices').waitFor({ state: 'detached' })
    await shown(home).getByText('办事指南', { exact: true }).waitFor()
    const { page: citizen } = await app.open(CITIZEN)
    const answered = citizen.waitForResponse(
      (r) => r.url().includes('/api/fn/notice') && r.request().postData()?.includes('forMatter') === true,
    )
    await go(citizen, app, pageUrl(ROUTES.matter, { id: 'm-passport' }))
    await shown(citizen).locator('.matter__name').getByText('普通护照签发').waitFor()
    const body = (await (await answered).json()) as { data?: { items?: Array<{ title: string }> } }
    expect(body.data?.items?.map((i) => i.title)).toEqual([])
    await citizen.waitForTimeout(300)
    expect(await shown(citizen).locator('.matter__notices').count()).toBe(0)
  })
})
