import type { BoardAnswer } from '../../types/contracts/board'
import { FRESH_CALL_MS } from '../../types/domain/board'
import { qrMatrix } from '../utils/qr'
import { byId, callKey, renderBanner, renderBoard, renderClock, renderMarks, renderNotice } from './render'
import { Announcer, type VoiceState } from './speech'
import { call, CallFailed } from './transport'
import './board.css'

/**
 * The hall display board: a TV page with no login and no interaction. It asks `board.show` every
 * POLL_MS (a call shows within about 2 s of the staff's tap), announces each new call, and keeps
 * asking through a network drop, showing 「连接中断」 until an answer comes again.
 */

const POLL_MS = 1_500
const RETRY_MS = 2_000
/** A call stays flashing in the table this long after it was first seen. */
const FLASH_MS = 10_000
const NOTICE_MS = 8_000
const CODE_MS = 5_000
/** The display token of a screen registered for the staff sign-in code (`?display=…`, then kept). */
const TOKEN_KEY = 'boardDisplayToken'

const seen = new Map<string, number>()
let booted = false
let offset = 0
let lastOk = 0
let offline = false
let voice: VoiceState = 'locked'
let announcements: BoardAnswer['announcements'] = []

const announcer = new Announcer({
  banner: (c, text) => {
    renderBanner(text)
    if (c) log(`board: announcing ${c.ticket} at window ${c.windowNumber} @${Date.now()}`)
  },
  voice: (state) => {
    voice = state
    marks()
  },
})

function marks() {
  renderMarks({ offline, voiceOff: voice !== 'ready', askTap: voice === 'locked' })
}

function log(line: string) {
  console.info(line)
}

function flashing(now: number): Set<string> {
  return new Set([...seen].filter(([, at]) => now - at < FLASH_MS).map(([k]) => k))
}

/** New calls (a 重呼 included), oldest first; on the first answer only those made moments ago. */
function newCalls(a: BoardAnswer): BoardAnswer['calling'] {
  const serverNow = Date.parse(a.serverTime)
  const fresh = a.calling.filter((c) => !seen.has(callKey(c)) && (booted || serverNow - Date.parse(c.calledAt) < FRESH_CALL_MS))
  const now = Date.now()
  for (const c of a.calling) if (!seen.has(callKey(c))) seen.set(callKey(c), booted || fresh.includes(c) ? now : 0)
  for (const k of [...seen.keys()]) if (!a.calling.some((c) => callKey(c) === k)) seen.delete(k)
  booted = true
  return fresh.sort((x, y) => x.calledAt.localeCompare(y.calledAt))
}

async function poll(): Promise<void> {
  let wait = POLL_MS
  try {
    const a = await call<BoardAnswer>('board', 'show')
    offset = Date.parse(a.serverTime) - Date.now()
    renderClock(new Date(Date.now() + offset))
    lastOk = Date.now()
    if (offline) log('board: connection back')
    offline = false
    const fresh = newCalls(a)
    renderBoard(a, flashing(Date.now()))
    for (const c of fresh) {
      log(`board: call shown ${c.ticket} window ${c.windowNumber}`)
      announcer.announce(c)
    }
    announcements = a.announcements
  } catch (e) {
    if (!(e instanceof CallFailed) || e.code === 'NETWORK' || e.code === 'INTERNAL') {
      if (!offline) log(`board: connection lost (${(e as Error).message})`)
      offline = true
    }
    wait = RETRY_MS
  }
  marks()
  setTimeout(poll, wait)
}

function tickClock() {
  renderClock(new Date(Date.now() + offset))
  // An answer older than a few polls means the connection is gone even if no request failed yet.
  if (lastOk && Date.now() - lastOk > 3 * RETRY_MS && !offline) {
    offline = true
    marks()
  }
}

let noticeIndex = 0
function rotateNotice() {
  const n = announcements.length ? announcements[noticeIndex++ % announcements.length] : null
  renderNotice(n)
}

/** The staff sign-in code (签到码) of a registered screen: the QR the staff scan and its digits. */
function startHallCode() {
  const fromUrl = new URLSearchParams(location.search).get('display')
  if (fromUrl && /^[0-9a-f]{32}$/.test(fromUrl)) localStorage.setItem(TOKEN_KEY, fromUrl)
  const token = localStorage.getItem(TOKEN_KEY)
  if (!token) return
  const panel = byId('code-panel')
  panel.hidden = false
  const draw = async () => {
    try {
      const code = await call<{ code: string; payload: string }>('staff', 'hallCode', { token })
      byId('code-digits').textContent = code.code
      drawQr(byId<HTMLCanvasElement>('code-qr'), code.payload)
    } catch (e) {
      if (e instanceof CallFailed && e.code === 'FORBIDDEN') {
        byId('code-digits').textContent = '本屏幕未登记或已停用'
        byId<HTMLCanvasElement>('code-qr').getContext('2d')?.clearRect(0, 0, 9999, 9999)
      }
    }
    setTimeout(draw, CODE_MS)
  }
  void draw()
}

function drawQr(canvas: HTMLCanvasElement, text: string) {
  const m = qrMatrix(text)
  const quiet = 4
  const module = Math.floor(canvas.width / (m.length + quiet * 2))
  const ctx = canvas.getContext('2d')
  if (!ctx) return
  ctx.fillStyle = '#fff'
  ctx.fillRect(0, 0, canvas.width, canvas.height)
  ctx.fillStyle = '#000'
  const pad = Math.floor((canvas.width - module * m.length) / 2)
  m.forEach((row, y) => row.forEach((dark, x) => dark && ctx.fillRect(pad + x * module, pad + y * module, module, module)))
}

function boot() {
  // 「点击启用语音」 or any tap on the screen: the person setting up the TV may miss the button.
  document.addEventListener('pointerdown', () => voice === 'locked' && void announcer.unlock(), { passive: true })
  voice = announcer.voice
  marks()
  tickClock()
  setInterval(tickClock, 1_000)
  rotateNotice()
  setInterval(rotateNotice, NOTICE_MS)
  startHallCode()
  void poll()
}

boot()
