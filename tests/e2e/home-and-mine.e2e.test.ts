/**
 * The home page, the 我的 tab and the tab bar in a browser, at 375 and 414 px wide and in 长辈版:
 * every entry draws a real icon (an SVG image that loads, not a character in a circle), the
 * three tabs have their icons, 我的 holds the citizen's own records and leads to each, an empty
 * list explains itself and offers the next step, and chips wrap whole. Measured in the page.
 */
import type { Locator, Page } from 'playwright-core'
import { A as CITIZEN, STAFF } from '../support/demo'
import { appForFile, go, overflowing, PHONE_WIDTHS, screenshot, shown } from './support/app'

const app = appForFile()

/** What the icons inside `scope` are: each image's src kind, whether it loaded, and any text drawn beside it in its badge. */
async function iconsOf(scope: Locator, selector: string) {
  return scope.locator(selector).evaluateAll((els) =>
    els.map((el) => {
      const img = el.querySelector('img')
      const box = el.getBoundingClientRect()
      const pic = img?.getBoundingClientRect()
      return {
        svg: !!img && img.src.startsWith('data:image/svg+xml;base64,'),
        loaded: !!img && img.complete && img.naturalWidth > 0,
        // Drawn whole inside its circle, at a size one can see.
        placed:
          !!pic &&
          pic.width >= 16 &&
          pic.left >= box.left - 1 &&
          pic.right <= box.right + 1 &&
          pic.top >= box.top - 1 &&
          pic.bottom <= box.bottom + 1,
        // A badge's count is allowed; any other text is a glyph come back.
        text: Array.from(el.childNodes)
          .filter((n) => n.nodeType === Node.TEXT_NODE)
          .map((n) => n.textContent?.trim() ?? '')
          .join(''),
      }
    }),
  )
}

/** Waits until every image inside `scope` has loaded (data URIs decode asynchronously). */
async function imagesLoaded(scope: Locator) {
  await scope.evaluate(
    (el) =>
      new Promise<void>((done) => {
        const check = () =>
          Array.from(el.querySelectorAll('img')).every((i) => i.complete && i.naturalWidth > 0) ? done() : setTimeout(check, 50)
        check()
      }),
  )
}

/**
 * Chips broken inside although they would fit on a row of their own: for each chip, the lines its
 * label takes and the width the label needs on one line, against the row's width.
 */
async function brokenChips(scope: Locator): Promise<string[]> {
  return scope.locator('.choice-chips').evaluateAll((groups) =>
    groups.flatMap((g) =>
      Array.from(g.querySelectorAll<HTMLElement>('.choice-chips__chip')).flatMap((chip) => {
        const range = document.createRange()
        range.selectNodeContents(chip)
        const lines = new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.top))).size
        const probe = chip.cloneNode(true) as HTMLElement
        probe.style.cssText = 'position:absolute;visibility:hidden;white-space:nowrap;max-width:none;width:auto'
        g.appendChild(probe)
        const oneLine = probe.getBoundingClientRect().width
        probe.remove()
        const fits = oneLine <= g.getBoundingClientRect().width + 0.5
        const out = chip.getBoundingClientRect().right > g.getBoundingClientRect().right + 0.5
        // A label that must wrap does so line by line, not on a line as tall as the chip.
        const style = getComputedStyle(chip)
        const tall = parseFloat(style.lineHeight) > 1.6 * parseFloat(style.fontSize)
        return (fits && lines > 1) || out || tall
          ? [`${chip.innerText} (${lines} lines, needs ${Math.round(oneLine)} px, line ${style.lineHeight})`]
          : []
      }),
    ),
  )
}

async function setLarge(page: Page, on: boolean) {
  await page.evaluate(
    (v) => (v ? window.localStorage.setItem('largeText', JSON.stringify({ data: '1' })) : window.localStorage.removeItem('largeText')),
    on,
  )
}

/** The page at both widths, standard and 长辈版: a picture of each, and what does not fit. */
async function atEachWidth(page: Page, name: string, ready: () => Promise<unknown>): Promise<string[]> {
  const problems: string[] = []
  for (const large of [false, true]) {
    await setLarge(page, large)
    for (const width of PHONE_WIDTHS) {
      await page.setViewportSize({ width, height: 812 })
      await page.reload()
      await ready()
      await imagesLoaded(shown(page))
      problems.push(...(await overflowing(shown(page))).map((p) => `${width}${large ? ' 长辈版' : ''}: ${p}`))
      await screenshot(page, `${name}-${width}${large ? '-large' : ''}`)
    }
  }
  await setLarge(page, false)
  return problems
}

describe('the home page, the 我的 tab and the tab bar', () => {
  it('when a citizen opens the home page, then the main services are icon tiles whose SVG icons load, with no character in a circle', async () => {
    const { page } = await app.open(CITIZEN)
    await go(page, app, '/pages/index/index')
    const home = shown(page)
    await home.locator('.home__tiles .tile').first().waitFor()
    expect(await home.locator('.tile__title').allInnerTexts()).toEqual([
      '办事指南',
      '预约办事',
      '我的排队',
      '进度查询',
      '咨询',
      '帮办代办',
      '评价与投诉',
      '消息',
    ])
    await imagesLoaded(home)
    const icons = await iconsOf(home, '.tile__icon')
    expect(icons).toHaveLength(8)
    expect(icons.filter((i) => !i.svg || !i.loaded || !i.placed || i.text !== '')).toEqual([])
    // Search is on the home (通知公告 too, once there is one: notice.publish-and-withdraw); the
    // citizen's own records are not (they are under 我的).
    await home.locator('.search-box').first().waitFor()
    expect(await home.getByText('我的预约', { exact: true }).count()).toBe(0)

    expect(await atEachWidth(page, 'home', () => shown(page).locator('.tile__icon img, .home-elder__icon img').first().waitFor())).toEqual(
      [],
    )
  })

  it('when 长辈版 is on, then its six big tiles draw white icons and no characters', async () => {
    const { page } = await app.open(CITIZEN)
    await page.addInitScript(() => window.localStorage.setItem('largeText', JSON.stringify({ data: '1' })))
    await go(page, app, '/pages/index/index')
    const home = shown(page)
    await home.locator('.home-elder__tile').first().waitFor()
    await imagesLoaded(home)
    const icons = await iconsOf(home, '.home-elder__icon')
    expect(icons).toHaveLength(6)
    expect(icons.filter((i) => !i.svg || !i.loaded || !i.placed || i.text !== '')).toEqual([])
  })

  it('when the citizen taps the 我的 tab, then the tab bar has three icons, 我的 is selected, and it lists her records and settings', async () => {
    const { page } = await app.open(CITIZEN)
    await go(page, app, '/pages/index/index')
    const tabs = page.locator('.weui-tabbar__item')
    await tabs.first().waitFor()
    expect(await tabs.allInnerTexts()).toEqual(['首页', '消息', '我的'])
    await page.locator('.weui-tabbar').evaluate((bar) => Promise.all(Array.from(bar.querySelectorAll('img')).map((i) => i.decode())))
    const tabIcons = await page.locator('.weui-tabbar__item img').evaluateAll((imgs) =>
      imgs.map((i) => ({
        src: (i as HTMLImageElement).src,
        w: (i as HTMLImageElement).naturalWidth,
        shown: i.getBoundingClientRect().width,
      })),
    )
    expect(tabIcons).toHaveLength(3)
    // The 81×81 PNGs, shown (not hidden by a text-only tab bar style).
    expect(tabIcons.filter((i) => i.w !== 81 || i.shown < 20)).toEqual([])

    await tabs.filter({ hasText: '我的' }).click()
    const mine = shown(page).locator('.mine')
    await mine.waitFor()
    const selected = await page.locator('.weui-tabbar__item img').evaluateAll((imgs) => imgs.map((i) => (i as HTMLImageElement).src))
    expect(selected[2]).not.toBe(tabIcons[2].src)
    expect(selected[0]).not.toBe(tabIcons[0].src)

    expect(await mine.locator('.mine__row-title').allInnerTexts()).toEqual(
      expect.arrayContaining([
        '我的预约',
        '我的候补',
        '我的办件',
        '我关注的办件',
        '我的咨询',
        '评价与投诉',
        '我的信息与材料',
        '设置',
        '工作人员绑定身份',
      ]),
    )
    expect(await mine.getByText('工作台', { exact: true }).count()).toBe(0)
    await imagesLoaded(mine)
    const rows = await iconsOf(mine, '.mine__icon')
    expect(rows.length).toBeGreaterThanOrEqual(9)
    expect(rows.filter((i) => !i.svg || !i.loaded || !i.placed || i.text !== '')).toEqual([])

    expect(await atEachWidth(page, 'mine', () => shown(page).locator('.mine__row').first().waitFor())).toEqual([])
  })

  it('when a staff member opens 我的, then 工作台 is there instead of the binding', async () => {
    const { page } = await app.open(STAFF)
    await go(page, app, '/pages/mine/index')
    const mine = shown(page).locator('.mine')
    await mine.getByText('工作台', { exact: true }).waitFor()
    expect(await mine.getByText('工作人员绑定身份', { exact: true }).count()).toBe(0)
    await mine.getByText('工作台', { exact: true }).click()
    await shown(page).locator('.staff-home__tiles .tile').first().waitFor()
    await imagesLoaded(shown(page))
    const icons = await iconsOf(shown(page), '.tile__icon')
    expect(icons.length).toBeGreaterThan(3)
    expect(icons.filter((i) => !i.svg || !i.loaded || !i.placed || i.text !== '')).toEqual([])
    await screenshot(page, 'mine-staff-desk')
  })

  it('when she opens 我的预约 and 我的候补 with none, then each empty state says why, and 去预约 opens 预约办事', async () => {
    const { page } = await app.open(CITIZEN)
    await go(page, app, '/pages/mine/index')
    await shown(page).locator('.mine__row').filter({ hasText: '我的预约' }).click()
    const bookings = shown(page).locator('.status-view--empty')
    await bookings.getByText('您还没有预约', { exact: true }).waitFor()
    expect(await bookings.locator('.status-view__hint').innerText()).toContain('预约新事项')
    expect(await atEachWidth(page, 'mine-bookings-empty', () => shown(page).locator('.status-view__hint').waitFor())).toEqual([])

    await go(page, app, '/pages/mine/index')
    await shown(page).locator('.mine__row').filter({ hasText: '我的候补' }).click()
    const waitlist = shown(page).locator('.status-view--empty')
    await waitlist.getByText('您还没有候补', { exact: true }).waitFor()
    expect((await waitlist.locator('.status-view__hint').innerText()).length).toBeGreaterThan(8)
    expect(await atEachWidth(page, 'mine-waitlist-empty', () => shown(page).locator('.status-view__action').waitFor())).toEqual([])
    await waitlist.locator('.status-view__action').getByText('去预约', { exact: true }).click()
    await shown(page).locator('.bookable').waitFor()
    expect(page.url()).toContain('#/packages/booking/matters/index')
  })

  it('when the complaint form is read at 375 px in 长辈版, then every chip stays whole on its row', async () => {
    const { page } = await app.open(CITIZEN)
    await page.addInitScript(() => window.localStorage.setItem('largeText', JSON.stringify({ data: '1' })))
    await page.setViewportSize({ width: 375, height: 812 })
    await go(page, app, '/packages/feedback/complain/index')
    await shown(page).locator('.choice-chips__chip').first().waitFor()
    expect(await brokenChips(shown(page))).toEqual([])
    await screenshot(page, 'chips-complain-375-large')
  })
})
