/**
 * The hall display board (dist/board, built by `npm test` before jest) on a TV-sized window,
 * against a local cloud that keeps its data in a folder, so the test can stop it and start it
 * again on the same port as a network drop. Speech is replaced by a recorder (an init script), so
 * the test reads what the board asked the browser to say.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { INDEXES } from '../../cloudfunctions/_kit/collections'
import { startLocalCloud, type LocalCloud } from '../../local'
import { personas, seedDemoCentre } from '../../local/seed'
import { buildFunctions } from '../../scripts/build-functions'
import { callSpeech, callText } from '../../types/domain/board'
import { clearFakeNow, setBeijingNow } from '../support/clock'
import { ADMIN, LEAD } from '../support/demo'
import { artifactsDir, CHROMIUM, CHROMIUM_ARGS, waitForText } from './support/app'

const boardDir = resolve(__dirname, '../../dist/board')
const TV = { viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 1, locale: 'zh-CN' }
type SpeechMode = 'works' | 'blocked' | 'missing' | 'until-tap'

/** Stands in for speechSynthesis: records each utterance, then ends it, fails it as Chrome does without a gesture, or is absent. */
function speechStub(mode: SpeechMode) {
  const w = window as unknown as { __spoken: string[]; speechSynthesis?: unknown; SpeechSynthesisUtterance?: unknown }
  w.__spoken = []
  if (mode === 'missing') {
    Object.defineProperty(window, 'speechSynthesis', { value: undefined, configurable: true })
    return
  }
  // Chrome's rule: speech needs a user gesture first (the stub's own record of one: headless
  // Chromium reports navigator.userActivation as active without any).
  let tapped = false
  window.addEventListener('pointerdown', () => (tapped = true), { capture: true })
  class Utterance {
    lang = ''
    rate = 1
    voice: unknown = null
    onend: ((e: object) => void) | null = null
    onerror: ((e: { error: string }) => void) | null = null
    constructor(readonly text: string) {}
  }
  const synth = {
    speak(u: Utterance) {
      const allowed = mode === 'works' || (mode === 'until-tap' && tapped)
      if (allowed) w.__spoken.push(u.text)
      setTimeout(() => (allowed ? u.onend?.({}) : u.onerror?.({ error: 'not-allowed' })), 150)
    },
    cancel() {},
    getVoices: () => [],
  }
  Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true })
  Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance, configurable: true })
}

const DAY = '2026-09-28'
let functionsDir: string
let dataDir: string
let cloud: LocalCloud
let port = 0
let browser: Browser

async function startCloud(): Promise<LocalCloud> {
  const c = await startLocalCloud({
    port,
    functionsDir,
    dataDir,
    fsync: false,
    boardDir,
    seed: seedDemoCentre,
    indexes: INDEXES,
    personas,
    log: () => {},
  })
  port = c.port
  return c
}

beforeAll(async () => {
  if (!existsSync(join(boardDir, 'index.html')))
    throw new Error(
      'dist/board/index.html is missing: build the board first (`npx tsx scripts/build-board.ts`, or `npm test`, which builds before jest).',
    )
  setBeijingNow(DAY, '10:00')
  functionsDir = mkdtempSync(join(tmpdir(), 'board-e2e-fns-'))
  dataDir = mkdtempSync(join(tmpdir(), 'board-e2e-data-'))
  await buildFunctions(['queue', 'board', 'staff', 'notice'], undefined, functionsDir)
  cloud = await startCloud()
  // The kiosk flag the README gives for the hall TV: audio may start without a tap.
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [...CHROMIUM_ARGS, '--autoplay-policy=no-user-gesture-required'],
    headless: true,
  })
}, 60_000)

afterAll(async () => {
  clearFakeNow()
  await browser?.close().catch(() => {})
  await cloud?.close()
  rmSync(functionsDir, { recursive: true, force: true })
  rmSync(dataDir, { recursive: true, force: true })
})

/** The board on a fresh 1920×1080 page, its console lines kept with the time they came. */
async function openBoard(mode: SpeechMode, query = ''): Promise<{ page: Page; lines: Array<{ at: number; text: string }> }> {
  const context = await browser.newContext(TV)
  await context.addInitScript(speechStub, mode)
  const page = await context.newPage()
  page.setDefaultTimeout(10_000)
  const lines: Array<{ at: number; text: string }> = []
  page.on('console', (m) => lines.push({ at: Date.now(), text: m.text() }))
  await page.goto(`${cloud.url}/board/${query}`)
  await page.getByText('正在叫号').waitFor()
  return { page, lines }
}

let people = 0
/** A walk-in ticket, then staff at window 1 finish what they served and call the next: answers the label called and when. */
async function staffCall(): Promise<{ label: string; at: number }> {
  setBeijingNow(DAY, '10:00', people % 60)
  const taken = (await cloud.invoke('queue', { action: 'takeTicket', matterId: 'm-passport' }, { openid: `o-board-${people++}` })) as {
    data: { ticket: { label: string } }
  }
  const desk = (await cloud.invoke('queue', { action: 'console', windowId: 'win-01' }, { openid: LEAD })) as {
    data: { current: { ticketId: string } | null }
  }
  if (desk.data.current) await cloud.invoke('queue', { action: 'finish', ticketId: desk.data.current.ticketId }, { openid: LEAD })
  const called = (await cloud.invoke('queue', { action: 'callNext', windowId: 'win-01' }, { openid: LEAD })) as {
    ok: boolean
    data: { ticket: { label: string } | null }
  }
  expect(called.data.ticket?.label).toBe(taken.data.ticket.label)
  return { label: taken.data.ticket.label, at: Date.now() }
}

/** A busier hall for the picture: a 过号 at window 2 and people waiting in zone B. */
async function busierHall(): Promise<void> {
  const invoke = (event: object, openid: string) =>
    cloud.invoke('queue', event, { openid }) as Promise<{ data: { ticket: { ticketId: string } } }>
  await invoke({ action: 'takeTicket', matterId: 'm-passport' }, 'o-board-missed')
  const missed = await invoke({ action: 'callNext', windowId: 'win-02' }, LEAD)
  await invoke({ action: 'skip', ticketId: missed.data.ticket.ticketId }, LEAD)
  for (const who of ['o-board-b1', 'o-board-b2', 'o-board-b3']) await invoke({ action: 'takeTicket', matterId: 'm-company-register' }, who)
}

const spoken = (page: Page) => page.evaluate(() => (window as unknown as { __spoken: string[] }).__spoken)
const shownAt = async (page: Page, label: string) => {
  await page.locator('#calling .calls__ticket', { hasText: label }).first().waitFor({ timeout: 10_000 })
  return Date.now()
}

describe('the hall display board', () => {
  it('when staff call tickets, then the board shows each within moments, flashes it and speaks it twice, one call at a time', async () => {
    await busierHall()
    const { page, lines } = await openBoard('works')
    // The kiosk flag lets audio start: no tap asked, no warning.
    await page.getByText('点击启用语音').waitFor({ state: 'hidden' })
    await page.getByText('语音未启用').waitFor({ state: 'hidden' })

    const first = await staffCall()
    const latency = (await shownAt(page, first.label)) - first.at
    console.log(`board: ${first.label} shown ${latency} ms after the staff call`)
    await waitForText(page.locator('#banner'), callText(first.label, 1))
    expect(await page.locator('#calling tr.flash', { hasText: first.label }).count()).toBe(1)
    await page.screenshot({ path: join(artifactsDir, 'board-live-calls.png') })

    const second = await staffCall()
    console.log(`board: ${second.label} shown ${(await shownAt(page, second.label)) - second.at} ms after the staff call`)
    await waitForText(page.locator('#banner'), callText(second.label, 1), 15_000)
    await page.waitForFunction((n) => (window as unknown as { __spoken: string[] }).__spoken.length >= n, 4, { timeout: 15_000 })
    expect(await spoken(page)).toEqual([
      callSpeech(first.label, 1),
      callSpeech(first.label, 1),
      callSpeech(second.label, 1),
      callSpeech(second.label, 1),
    ])
    expect(callSpeech(first.label, 1)).toMatch(/^请A[零一二三四五六七八九]{3}号，到1号窗口办理$/)
    // One at a time: the second call came while the first was on the banner, and waited its 5 s.
    const announced = lines.filter((l) => l.text.startsWith('board: announcing')).map((l) => Number(/@(\d+)$/.exec(l.text)?.[1]))
    expect(announced).toHaveLength(2)
    expect(announced[1] - announced[0]).toBeGreaterThanOrEqual(5_000)
    // The first call moved to 最近叫号 once window 1 finished it.
    await page.locator('#recent li', { hasText: first.label }).waitFor()
    await page.context().close()
  }, 60_000)

  it('when the local cloud stops and starts again, then the board shows 连接中断 and recovers by itself', async () => {
    const { page } = await openBoard('works')
    await staffCall().then(({ label }) => shownAt(page, label))
    await cloud.close()
    const dropped = Date.now()
    await page.getByText('连接中断').waitFor({ timeout: 15_000 })
    console.log(`board: 连接中断 shown ${Date.now() - dropped} ms after the local cloud stopped`)
    await page.screenshot({ path: join(artifactsDir, 'board-offline.png') })
    await new Promise((r) => setTimeout(r, 3_000))

    cloud = await startCloud()
    const next = await staffCall()
    const latency = (await shownAt(page, next.label)) - next.at
    console.log(`board: after the restart, ${next.label} shown ${latency} ms after the staff call`)
    await page.getByText('连接中断').waitFor({ state: 'hidden' })
    await page.context().close()
  }, 60_000)

  it('when speech is blocked or missing, then the board marks 语音未启用 in red and asks for a tap; a tap brings the voice back', async () => {
    const blocked = await openBoard('until-tap')
    const next = await staffCall()
    await shownAt(blocked.page, next.label)
    await blocked.page.getByText('语音未启用').waitFor()
    await blocked.page.getByText('点击启用语音').waitFor()
    expect(await blocked.page.locator('#voice-off').evaluate((e) => getComputedStyle(e).backgroundColor)).toBe('rgb(214, 40, 40)')
    await blocked.page.screenshot({ path: join(artifactsDir, 'board-voice-blocked.png') })
    await blocked.page.getByText('点击启用语音').click()
    await blocked.page.getByText('语音未启用').waitFor({ state: 'hidden' })
    expect(await spoken(blocked.page)).toContain('语音播报已启用')
    await blocked.page.context().close()

    const missing = await openBoard('missing')
    await missing.page.getByText('语音未启用').waitFor()
    await missing.page.getByText('点击启用语音').waitFor({ state: 'hidden' })
    await missing.page.context().close()
  }, 60_000)

  it('when the screen is a registered sign-in display, then the board also shows the staff sign-in code; a revoked one says so', async () => {
    const registered = (await cloud.invoke('staff', { action: 'registerDisplay', name: '大厅公示屏' }, { openid: ADMIN })) as {
      data: { token: string; displayId: string }
    }
    const { page } = await openBoard('works', `?display=${registered.data.token}`)
    const current = (await cloud.invoke('staff', { action: 'hallCode', token: registered.data.token })) as { data: { code: string } }
    await waitForText(page.locator('#code-digits'), current.data.code)
    const inked = await page.locator('#code-qr').evaluate((c) => {
      const canvas = c as HTMLCanvasElement
      const px = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data
      let dark = 0
      for (let i = 0; i < px.length; i += 4) if (px[i] < 128) dark++
      return dark
    })
    expect(inked).toBeGreaterThan(1_000)
    await page.screenshot({ path: join(artifactsDir, 'board-with-sign-in-code.png') })
    await cloud.invoke('staff', { action: 'revokeDisplay', displayId: registered.data.displayId }, { openid: ADMIN })
    await waitForText(page.locator('#code-digits'), '本屏幕未登记或已停用', 15_000)
    await page.context().close()
  }, 60_000)
})
