/**
 * Browser tests drive the real h5 build against a local cloud started in this jest process:
 * the functions run in-process, so LOCAL_FAKE_NOW (tests/support/clock.ts) moves their clock.
 * Chromium is the system's (/usr/bin/chromium, installed by `npm test` when missing); nothing is downloaded.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core'
import { INDEXES } from '../../../cloudfunctions/_kit/collections'
import { startLocalCloud, type LocalCloud } from '../../../local'
import { personas, seedDemoCentre } from '../../../local/seed'
import { buildFunctions } from '../../../scripts/build-functions'
import { clearFakeNow, setBeijingNow } from '../../support/clock'

const root = resolve(__dirname, '../../..')
/** The h5 build the tests drive: dist/h5, or H5_OUT when it was built elsewhere (config/index.ts). */
export const h5Dir = process.env.H5_OUT ? resolve(root, process.env.H5_OUT) : join(root, 'dist', 'h5')
export const artifactsDir = join(root, 'tests', '.artifacts')

export const CHROMIUM = '/usr/bin/chromium'
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/** A phone-sized window: the layout is designed for 375–414 px wide screens. */
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, locale: 'zh-CN', isMobile: false }

export interface E2EApp {
  url: string
  cloud: LocalCloud
  /**
   * A fresh browser context signed in as `openid` (the dev login's storage entry), or anonymous.
   * The h5 订阅消息 prompt answers 'reject' without showing (a kept choice, as WeChat's 「总是保持以上选择」)
   * unless `consent` says otherwise: 'ask' shows the prompt, 'accept' allows silently.
   */
  open(openid?: string, opts?: { consent?: 'ask' | 'accept' | 'reject' }): Promise<{ context: BrowserContext; page: Page }>
  /** Lines the local cloud logged: printed when a test fails, to show a function's error. */
  logs(): string[]
  close(): Promise<void>
}

/** Fails loudly when the h5 build is missing: these tests check a build, they do not make one. */
export function requireH5Build(): void {
  if (!existsSync(join(h5Dir, 'index.html'))) {
    throw new Error(
      'dist/h5/index.html is missing: build the h5 app first (`NODE_ENV=production npx taro build --type h5`, or `npm test`, which builds before jest).',
    )
  }
  if (!existsSync(CHROMIUM))
    throw new Error(`${CHROMIUM} is missing: install Chromium (\`apt-get install -y chromium\`; \`npm test\` does when run as root).`)
}

export async function startE2EApp(): Promise<E2EApp> {
  requireH5Build()
  mkdirSync(artifactsDir, { recursive: true })
  const functionsDir = mkdtempSync(join(tmpdir(), 'e2e-fns-'))
  await buildFunctions(undefined, undefined, functionsDir)
  const lines: string[] = []
  const cloud = await startLocalCloud({
    port: 0,
    functionsDir,
    staticDir: h5Dir,
    seed: seedDemoCentre,
    indexes: INDEXES,
    personas,
    log: (line) => lines.push(line),
  })
  let browser: Browser
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true })
  } catch (e) {
    await cloud.close()
    throw e
  }
  const contexts: BrowserContext[] = []
  return {
    url: cloud.url,
    cloud,
    async open(openid, opts) {
      const context = await browser.newContext(PHONE)
      contexts.push(context)
      // Taro storage on h5 is localStorage with each value wrapped as {"data": …}; set before any page script runs.
      if (openid) await context.addInitScript((id) => window.localStorage.setItem('devOpenid', JSON.stringify({ data: id })), openid)
      const consent = opts?.consent ?? 'reject'
      if (consent !== 'ask')
        await context.addInitScript((v) => window.localStorage.setItem('subscribeKeep', JSON.stringify({ data: v })), consent)
      const page = await context.newPage()
      page.setDefaultTimeout(10_000)
      return { context, page }
    },
    logs: () => [...lines],
    async close() {
      for (const c of contexts) await c.close().catch(() => {})
      await browser.close().catch(() => {})
      await cloud.close()
      rmSync(functionsDir, { recursive: true, force: true })
    },
  }
}

/** The page being shown. Taro's h5 router keeps earlier pages of the stack in the DOM, hidden. */
export const shown = (page: Page): Locator => page.locator('.taro_page:visible').last()

/** Opens an app route, e.g. `/pages/matter/index?id=m-passport` (hash router). */
export async function go(page: Page, app: E2EApp, route: string): Promise<void> {
  await page.goto(`${app.url}/#${route}`)
}

/**
 * A picture of the whole current page for a person to look at (tests/.artifacts/<name>.png).
 * Waits for the page's slide-in to end, and grows the window to the page's height for the shot:
 * Taro's h5 pages scroll inside their own container, which a full-page screenshot does not see.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  const current = shown(page)
  await page
    .waitForFunction(
      () => {
        const pages = Array.from(document.querySelectorAll('.taro_page')).filter(
          (e) => (e as HTMLElement).offsetParent !== null || getComputedStyle(e).display !== 'none',
        )
        const last = pages[pages.length - 1] as HTMLElement | undefined
        return !!last && Math.abs(last.getBoundingClientRect().left) < 0.5
      },
      undefined,
      { timeout: 3_000 },
    )
    .catch(() => {})
  const viewport = page.viewportSize() ?? PHONE.viewport
  const height = await current.evaluate((el) => el.scrollHeight).catch(() => viewport.height)
  await page.setViewportSize({ width: viewport.width, height: Math.min(Math.max(height, viewport.height), 4_000) })
  await page.screenshot({ path: join(artifactsDir, `${name}.png`) })
  await page.setViewportSize(viewport)
}

/** The phone widths the layout is designed for: the narrowest common one and the widest. */
export const PHONE_WIDTHS = [375, 414] as const

/**
 * Elements of the page reaching past its right edge: a layout that does not fit the phone. Text
 * that scrolls inside its own box (an input's value) is not the page's width.
 */
export async function overflowing(scope: Locator): Promise<string[]> {
  return scope.evaluate((root) => {
    const right = root.getBoundingClientRect().right + 0.5
    return Array.from(root.querySelectorAll<HTMLElement>('*'))
      .filter((e) => {
        const r = e.getBoundingClientRect()
        return r.width > 0 && r.right > right && !e.closest('input, textarea, .taro-scroll-view__scroll-x')
      })
      .map((e) => `${e.className || e.tagName} (${Math.round(e.getBoundingClientRect().right)} > ${Math.round(right)})`)
  })
}

/** One primary button per screen: the filled buttons a page shows, when it shows more than one. */
export async function primaryButtons(scope: Locator): Promise<string[]> {
  const texts = await scope.locator('.big-button--primary:visible').allInnerTexts()
  return texts.length > 1 ? [`${texts.length} primary buttons: ${texts.join(' / ')}`] : []
}

/**
 * The current page at 375 and 414 px, and in the 长辈版 (large-text) mode at 375 px, for a person
 * to look at: `<name>.png` (375), `<name>-414.png`, `<name>-large.png`.
 * The page is reloaded before each picture, so each shows it as loaded, without a passing toast;
 * `ready` waits for what the picture must show. Fails when anything reaches past the page's edge,
 * or when the page shows more than one primary (filled) button.
 */
export async function screenshotsAtPhoneWidths(page: Page, name: string, ready: () => Promise<unknown> = async () => {}): Promise<void> {
  const before = page.viewportSize()
  const problems: string[] = []
  for (const large of [false, true]) {
    await page.evaluate(
      (on) => (on ? window.localStorage.setItem('largeText', JSON.stringify({ data: '1' })) : window.localStorage.removeItem('largeText')),
      large,
    )
    // 长辈版 at the narrowest width is where large text runs out of room first.
    for (const width of large ? [PHONE_WIDTHS[0]] : PHONE_WIDTHS) {
      await page.setViewportSize({ width, height: 812 })
      await page.reload()
      await ready()
      problems.push(...(await overflowing(shown(page))).map((p) => `${width}${large ? ' 长辈版' : ''}: ${p}`))
      problems.push(...(await primaryButtons(shown(page))))
      await screenshot(page, `${name}${width === 375 ? '' : `-${width}`}${large ? '-large' : ''}`)
    }
  }
  await page.evaluate(() => window.localStorage.removeItem('largeText'))
  if (before) await page.setViewportSize(before)
  await page.reload()
  await ready()
  if (problems.length)
    throw new Error(`${name}: does not fit, or asks for more than one main action:\n${[...new Set(problems)].join('\n')}`)
}

/** Taro's h5 showModal: a DOM dialog whose buttons are `.taro-model__confirm` / `.taro-model__cancel`; answers it once it shows `expectText`. */
export async function answerModal(page: Page, expectText: string | RegExp, button: 'confirm' | 'cancel' = 'confirm'): Promise<void> {
  const modal = page.locator('.taro-modal__content:visible')
  await modal.getByText(expectText).first().waitFor()
  await modal.locator(`.taro-model__${button}`).click()
}

/** Waits until the element's text is `expected` (or matches it) and answers the text; fails naming what it last read. */
export async function waitForText(locator: Locator, expected: string | RegExp, timeout = 10_000): Promise<string> {
  const until = Date.now() + timeout
  let last = ''
  for (;;) {
    last = (await locator.innerText({ timeout: 1_000 }).catch(() => '')).trim()
    if (typeof expected === 'string' ? last === expected : expected.test(last)) return last
    if (Date.now() > until) throw new Error(`expected ${locator} to read ${String(expected)}; it read "${last}"`)
    await new Promise((r) => setTimeout(r, 100))
  }
}

/**
 * One app for a test file: started before its tests with the functions' clock at `date` `time`
 * (Beijing), stopped after them; after each test, what the local cloud logged as errors is
 * printed, to show why a page waited in vain.
 */
export function appForFile(date = '2026-09-28', time = '09:00'): E2EApp {
  let started: E2EApp | undefined
  const current = (): E2EApp => {
    if (!started) throw new Error('the e2e app is used before beforeAll started it')
    return started
  }
  beforeAll(async () => {
    setBeijingNow(date, time)
    started = await startE2EApp()
  }, 60_000)
  afterAll(async () => {
    clearFakeNow()
    await started?.close()
  })
  afterEach(() => {
    const errors = started?.logs().filter((l) => /error|错误|出错/i.test(l)) ?? []
    if (errors.length) console.log(`local cloud logged:\n${errors.join('\n')}`)
  })
  return {
    get url() {
      return current().url
    },
    get cloud() {
      return current().cloud
    },
    open: (openid, opts) => current().open(openid, opts),
    logs: () => current().logs(),
    close: () => current().close(),
  }
}
