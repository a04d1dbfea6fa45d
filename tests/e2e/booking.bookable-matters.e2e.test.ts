/**
 * 预约办事 in a browser: the home page's tile opens only the bookable matters, grouped by
 * department, with a search; a tap goes to choosing the day. Monday 2026-09-28 09:00 Beijing time.
 */
import { matters } from '../../local/seed'
import { pageUrl, ROUTES } from '../../types/routes'
import { appForFile, go, screenshotsAtPhoneWidths, shown, waitForText } from './support/app'

const app = appForFile()

describe('预约办事', () => {
  it('when a citizen taps 预约办事, then only bookable matters show by department, the search narrows them and a tap opens the days', async () => {
    const { page } = await app.open('demo-citizen-a')
    await go(page, app, pageUrl(ROUTES.home))
    await shown(page).locator('.tile').filter({ hasText: '预约办事' }).click()
    const view = shown(page).locator('.bookable')
    await view.locator('.bookable__dept').first().waitFor()
    const names = await view.locator('.list-cell__title').allInnerTexts()
    const bookable = new Set(matters.filter((m) => m.flags.appointment).map((m) => m.name))
    expect(names.length).toBe(bookable.size)
    for (const n of names) expect(bookable.has(n)).toBe(true)
    await screenshotsAtPhoneWidths(page, 'bookable-matters', () => shown(page).locator('.bookable__dept').first().waitFor())

    await shown(page).locator('.bookable .search-box__input input, .bookable input').first().fill('护照')
    // The list narrows once the typing settles.
    await page.waitForFunction(() => {
      const pages = document.querySelectorAll('.taro_page')
      return pages[pages.length - 1]?.querySelectorAll('.bookable .list-cell__title').length === 1
    })
    await waitForText(shown(page).locator('.bookable .list-cell__title').first(), '普通护照签发')
    await shown(page).locator('.bookable .list-cell').first().click()
    await page.waitForURL(/packages\/booking\/date\/index\?matterId=m-passport/)
  })
})
