/**
 * 长辈版 (适老化) in a browser, against the 工信部 rules for 适老版 (2021-04-07): a citizen switches
 * it on from the home page; the home page then shows 4–6 large tiles and no carousel; on the home,
 * matter, booking and case pages every text is at least 18 px with line spacing at least 1.3,
 * headings at least 22 px, text contrast at least 4.5:1 (3:1 for large text) against the colour
 * actually behind it, and the main buttons, tiles and links at least 60×60 px — all measured in
 * the page from computed styles and boxes. 「朗读」 on the case page hands the browser's speech
 * synthesis an utterance with the case's stage. The server clock is Monday 2026-09-28 09:00.
 */
import type { BrowserContext, Page } from 'playwright-core'
import { appointmentContract, caseContract } from '../../types/contracts'
import { BOOKING_STATUS_LABELS } from '../../types/domain/booking'
import { CASE_STATE_LABELS } from '../../types/domain/case-machine'
import { dataOf, invokeApi } from '../support/calls'
import { passportForm, profile } from '../support/case'
import { A as CITIZEN, PASSPORT, STAFF } from '../support/demo'
import { jpeg } from '../support/files'
import { idNumberFor, newRequestId } from '../support/people'
import { appForFile, go, screenshot, shown, waitForText } from './support/app'

const app = appForFile()

/** What the page breaks of the rules, each as "rule: element text (measured value)"; empty when it keeps them all. */
interface Audit {
  texts: number
  targets: number
  problems: string[]
}

/** The main components of these pages: buttons, tiles and the tappable cards and links that lead on. */
const MAIN_TARGETS = [
  '.big-button',
  '.home-elder__tile',
  '.home-elder__exit',
  '.home__settings-link',
  '.read-aloud__button',
  '.matter__phone',
  '.matter__help',
  '.case-detail__share',
  '.case-detail__feedback-link',
  '.case-detail__query-reset',
  '.settings__mode',
].join(',')

/** Headings: page titles, section titles, tile titles. */
const HEADINGS = [
  '.home__title',
  '.section__title',
  '.matter__name',
  '.case-detail__matter',
  '.home-elder__tile-title',
  '.settings__title',
].join(',')

/**
 * Measures the page being shown, in the page: every element with its own visible text, its
 * computed font size, line height and colour against the first opaque background behind it
 * (semi-transparent ones composed on the way), and the boxes of the main components.
 */
async function audit(page: Page): Promise<Audit> {
  return page.evaluate(
    ({ targets, headings }) => {
      const pages = Array.from(document.querySelectorAll<HTMLElement>('.taro_page')).filter(
        (e) => e.offsetParent !== null || getComputedStyle(e).display !== 'none',
      )
      const root = pages[pages.length - 1]
      const problems: string[] = []
      type Rgba = [number, number, number, number]
      const parse = (c: string): Rgba => {
        const m = c.match(/rgba?\(([^)]+)\)/)
        if (!m) return [0, 0, 0, 0]
        const p = m[1]
          .split(/[\s,/]+/)
          .filter(Boolean)
          .map(Number)
        return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1]
      }
      const over = (top: Rgba, below: Rgba): Rgba => {
        const a = top[3] + below[3] * (1 - top[3])
        if (a === 0) return [0, 0, 0, 0]
        const mix = (i: number) => (top[i] * top[3] + below[i] * below[3] * (1 - top[3])) / a
        return [mix(0), mix(1), mix(2), a]
      }
      const background = (el: Element): Rgba => {
        const layers: Rgba[] = []
        for (let e: Element | null = el; e; e = e.parentElement) {
          const bg = parse(getComputedStyle(e).backgroundColor)
          if (bg[3] > 0) layers.push(bg)
          if (bg[3] >= 1) break
        }
        // The page's canvas is white under everything.
        return layers.reduceRight<Rgba>((below, top) => over(top, below), [255, 255, 255, 1])
      }
      const luminance = ([r, g, b]: Rgba) => {
        const ch = (v: number) => {
          const s = v / 255
          return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
        }
        return 0.2126 * ch(r) + 0.7152 * ch(g) + 0.0722 * ch(b)
      }
      const contrast = (a: Rgba, b: Rgba) => {
        const [l1, l2] = [luminance(a), luminance(b)].sort((x, y) => y - x)
        return (l1 + 0.05) / (l2 + 0.05)
      }
      const visible = (el: Element) => {
        const r = el.getBoundingClientRect()
        const cs = getComputedStyle(el)
        return r.width > 0 && r.height > 0 && cs.visibility !== 'hidden' && Number(cs.opacity) > 0
      }
      const label = (el: Element) => (el.textContent ?? '').trim().slice(0, 24)

      let texts = 0
      for (const el of Array.from(root.querySelectorAll('*'))) {
        const own = Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '')
        if (!own || !visible(el)) continue
        texts += 1
        const cs = getComputedStyle(el)
        const size = parseFloat(cs.fontSize)
        if (size < 18) problems.push(`text < 18px: ${label(el)} (${size}px)`)
        const lh = cs.lineHeight === 'normal' ? size * 1.2 : parseFloat(cs.lineHeight)
        if (lh / size < 1.3 - 1e-6) problems.push(`line height < 1.3: ${label(el)} (${(lh / size).toFixed(2)})`)
        const fg = parse(cs.color)
        const bg = background(el)
        const ratio = contrast(over(fg, bg), bg)
        // WCAG large text: 18 pt (24 px), or 14 pt (18.66 px) bold.
        const large = size >= 24 || (size >= 18.66 && Number(cs.fontWeight) >= 700)
        const need = large ? 3 : 4.5
        if (ratio < need) problems.push(`contrast < ${need}: ${label(el)} (${ratio.toFixed(2)})`)
      }
      for (const el of Array.from(root.querySelectorAll(headings))) {
        if (!visible(el)) continue
        const size = parseFloat(getComputedStyle(el).fontSize)
        if (size < 22) problems.push(`heading < 22px: ${label(el)} (${size}px)`)
      }
      let count = 0
      for (const el of Array.from(root.querySelectorAll(targets))) {
        if (!visible(el)) continue
        count += 1
        const r = el.getBoundingClientRect()
        if (r.width < 60 || r.height < 60) problems.push(`target < 60×60: ${label(el)} (${Math.round(r.width)}×${Math.round(r.height)})`)
      }
      return { texts, targets: count, problems }
    },
    { targets: MAIN_TARGETS, headings: HEADINGS },
  )
}

/** Expects the page being shown to keep the rules, naming what breaks them otherwise. */
async function expectElderRules(page: Page, minTargets: number) {
  const a = await audit(page)
  expect(a.problems).toEqual([])
  expect(a.texts).toBeGreaterThan(5)
  expect(a.targets).toBeGreaterThanOrEqual(minTargets)
}

/** The page at 375 and at 414 px wide (the widths the WeChat 适老化 guide measures): `<name>-375.png`, `<name>-414.png`. */
async function shotsAt375And414(page: Page, name: string, ready: () => Promise<unknown>) {
  const before = page.viewportSize()
  for (const width of [375, 414]) {
    await page.setViewportSize({ width, height: 812 })
    await page.reload()
    await ready()
    await screenshot(page, `${name}-${width}`)
  }
  if (before) await page.setViewportSize(before)
  await page.reload()
  await ready()
}

/** Records `lang|text` of every utterance the page hands the browser's speech synthesis (it still speaks them). */
async function recordUtterances(context: BrowserContext) {
  await context.addInitScript(() => {
    const w = window as Window & { spokenTexts?: string[] }
    w.spokenTexts = []
    const synth = window.speechSynthesis
    if (!synth) return
    const speak = synth.speak.bind(synth)
    synth.speak = (u: SpeechSynthesisUtterance) => {
      w.spokenTexts?.push(`${u.lang}|${u.text}`)
      speak(u)
    }
  })
}

/** A passport case of the citizen accepted (受理) by 王芳 through the real case actions, so it has a due date: its id. */
async function acceptedPassportCase(seq: number): Promise<string> {
  const cases = invokeApi(app.cloud, caseContract)
  const { caseId } = dataOf(
    await cases(
      { action: 'createDraft', matterId: PASSPORT, applicant: profile(seq), form: passportForm(), requestId: newRequestId() },
      CITIZEN,
    ),
  )
  const photo = { fileName: 'scan.jpg', contentType: 'image/jpeg' as const, dataBase64: jpeg(64, seq).toString('base64') }
  dataOf(await cases({ action: 'uploadMaterial', caseId, materialIndex: 0, ...photo }, CITIZEN))
  dataOf(await cases({ action: 'act', caseId, transition: 'submit' }, CITIZEN))
  for (const transition of ['startPreReview', 'accept'] as const) dataOf(await cases({ action: 'act', caseId, transition }, STAFF))
  return caseId
}

const spoken = (page: Page) => page.evaluate(() => (window as Window & { spokenTexts?: string[] }).spokenTexts ?? [])

describe('长辈版 to the 适老化 rules', () => {
  let page: Page
  let context: BrowserContext

  beforeAll(async () => {
    ;({ page, context } = await app.open(CITIZEN))
    await recordUtterances(context)
  })

  it('when the citizen switches 长辈版 on from the home page, then the home shows 4–6 large tiles, no carousel, and keeps the rules', async () => {
    await go(page, app, '/pages/index/index')
    const home = shown(page)
    await home.locator('.home__setting-title').getByText('长辈版', { exact: true }).waitFor()
    // The measure is not vacuous: the standard home has 16 px text and smaller targets.
    const standard = await audit(page)
    expect(standard.problems.filter((p) => p.startsWith('text < 18px')).length).toBeGreaterThan(0)
    await home.locator('.home__switch').click()

    const tiles = shown(page).locator('.home-elder__tile')
    await tiles.first().waitFor()
    const count = await tiles.count()
    expect(count).toBeGreaterThanOrEqual(4)
    expect(count).toBeLessThanOrEqual(6)
    expect(await tiles.locator('.home-elder__tile-title').allInnerTexts()).toEqual(['预约', '进度', '取号', '咨询', '上门服务', '电话咨询'])
    // The centre's own number, from the catalog, on the 电话咨询 tile.
    await waitForText(tiles.last().locator('.home-elder__tile-desc'), /^0359-\d+$/)
    // No carousel, no notices list, no 公众号 bar.
    expect(await shown(page).locator('taro-swiper-core, .swiper, [class*="carousel"], .home__notices').count()).toBe(0)
    // The choice is kept: a reload opens 长辈版 again.
    await page.reload()
    await shown(page).locator('.home-elder__tile').first().waitFor()
    await expectElderRules(page, 7)
    await shotsAt375And414(page, 'elder-home', () => shown(page).locator('.home-elder__tile').first().waitFor())
  })

  it('when 长辈版 is on, then the matter page keeps the rules', async () => {
    await go(page, app, '/pages/matter/index?id=m-passport')
    await shown(page).locator('.matter__name').waitFor()
    await shown(page).getByText('申请材料', { exact: false }).first().waitFor()
    await expectElderRules(page, 4)
    await shotsAt375And414(page, 'elder-matter', () => shown(page).locator('.matter__name').waitFor())
  })

  it('when 长辈版 is on, then the booking page keeps the rules, and 朗读 reads its stage and next step', async () => {
    const appointment = invokeApi(app.cloud, appointmentContract)
    const { slots } = dataOf(await appointment({ action: 'listSlots', matterId: PASSPORT, date: '2026-09-29' }, CITIZEN))
    const slot = slots.find((s) => s.remaining > 0)
    if (!slot) throw new Error('no open passport slot on 2026-09-29')
    const { bookingId } = dataOf(
      await appointment(
        {
          action: 'book',
          name: '张伟',
          idNumber: idNumberFor(4242),
          phone: '13912345678',
          slotId: slot.slotId,
          matterId: PASSPORT,
          requestId: newRequestId(),
        },
        CITIZEN,
      ),
    )
    await go(page, app, `/pages/booking/detail/index?id=${bookingId}`)
    await shown(page).locator('.booking-detail__code').waitFor()
    await expectElderRules(page, 3)
    await shotsAt375And414(page, 'elder-booking', () => shown(page).locator('.booking-detail__code').waitFor())

    await shown(page).locator('.read-aloud__button').click()
    await page.waitForFunction(() => ((window as Window & { spokenTexts?: string[] }).spokenTexts ?? []).length > 0)
    const [said] = await spoken(page)
    expect(said).toMatch(new RegExp(`^zh-CN\\|普通护照签发的预约，当前状态：${BOOKING_STATUS_LABELS.booked}。时间：2026年9月29日`))
    expect(said).toContain('出示预约码')
  })

  it('when 长辈版 is on, then the case page keeps the rules, and 朗读 hands the browser an utterance with the stage and next step', async () => {
    const caseId = await acceptedPassportCase(4243)
    await go(page, app, `/packages/case/detail/index?id=${caseId}`)
    const detail = shown(page).locator('.case-detail')
    await detail.locator('.case-detail__state').getByText(CASE_STATE_LABELS.accepted).waitFor()
    // 朗读, 换一个查询码, 分享给家人查看 and the complaint link (no rating link before 办结).
    await expectElderRules(page, 4)
    await shotsAt375And414(page, 'elder-case', () => shown(page).locator('.case-detail__state').waitFor())

    expect(await spoken(page)).toEqual([])
    await shown(page).locator('.read-aloud__button').click()
    await page.waitForFunction(() => ((window as Window & { spokenTexts?: string[] }).spokenTexts ?? []).length > 0)
    const texts = await spoken(page)
    expect(texts).toHaveLength(1)
    expect(texts[0]).toMatch(/^zh-CN\|普通护照签发，/)
    expect(texts[0]).toContain(`当前进度：${CASE_STATE_LABELS.accepted}`)
    // The next step as the page shows it: the due date and the working days left.
    expect(texts[0]).toMatch(/办结期限2026年\d+月\d+日（周.），剩\d+个工作日/)
    await screenshot(page, 'elder-case-read-aloud')
  })

  it('when the citizen opens 设置, then 长辈版 is there by name, and choosing 标准版 there brings the full home back', async () => {
    await go(page, app, '/pages/index/index')
    await shown(page).locator('.home__settings-link').click()
    const settings = shown(page).locator('.settings')
    await settings.locator('.settings__mode--elder.settings__mode--on .settings__mode-title').getByText('长辈版', { exact: true }).waitFor()
    await expectElderRules(page, 2)
    await shotsAt375And414(page, 'elder-settings', () => shown(page).locator('.settings__mode--on').waitFor())

    await shown(page).locator('.settings__mode--standard').click()
    await shown(page).locator('.settings__mode--standard.settings__mode--on').waitFor()
    expect(await shown(page).locator('.page--large').count()).toBe(0)
    await screenshot(page, 'elder-settings-standard')
    await go(page, app, '/pages/index/index')
    await shown(page).locator('.home__tiles').waitFor()
    expect(await shown(page).locator('.home-elder__tile').count()).toBe(0)
    await page.reload()
    await shown(page).locator('.home__tiles').waitFor()
    await screenshot(page, 'elder-home-standard')
  })
})
