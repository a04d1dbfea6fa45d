/**
 * The catalogue in a browser: a citizen finds a matter by searching and reads what it needs
 * (一次性告知); the dev login offers the demo personas.
 */
import { personas } from '../../local/seed'
import { appForFile, go, screenshot, shown, waitForText } from './support/app'

const app = appForFile()

describe('finding a matter', () => {
  it('when a citizen searches 护照 from the home page, then 普通护照签发 comes first and its detail lists materials and the promised time limit', async () => {
    const { page } = await app.open('demo-citizen-a')
    await go(page, app, '/pages/index/index')
    await shown(page).locator('.search-box--entry').click()

    await shown(page).locator('.search-box__input input').fill('护照')
    const first = shown(page).locator('.search__list .list-cell').first()
    await waitForText(first.locator('.list-cell__title'), '普通护照签发')
    await screenshot(page, 'catalog-search')

    await first.click()
    const detail = shown(page)
    await waitForText(detail.locator('.matter__name'), '普通护照签发')
    await detail.getByText('申请材料（共6项）').waitFor()
    await detail.getByText('申请人居民身份证', { exact: false }).first().waitFor()
    const promised = detail.locator('.matter__row').filter({ hasText: '承诺时限' })
    await waitForText(promised.locator('.matter__value'), '7个工作日')
    await detail.getByText('预约办理').waitFor()
    await screenshot(page, 'catalog-matter')
  })
})

describe('dev login', () => {
  it('when the dev login page opens, then it lists every demo persona with its role', async () => {
    const { page } = await app.open()
    await go(page, app, '/packages/dev/login/index')
    const cells = shown(page).locator('.dev-login__list .list-cell')
    await cells.first().waitFor()
    expect(await cells.count()).toBe(personas.length)
    const titles = await cells.locator('.list-cell__title').allInnerTexts()
    expect(titles).toEqual(personas.map((p) => p.label))
    await screenshot(page, 'dev-login')
  })
})
