import type { BoardAnswer } from '../../types/contracts/board'

/** The board's panels drawn from one answer. Text goes in as textContent only: nothing from the answer is parsed as HTML. */

const byId = <T extends HTMLElement = HTMLElement>(id: string): T => {
  const el = document.getElementById(id)
  if (!el) throw new Error(`#${id} is missing from the board page`)
  return el as T
}

function el(tag: string, cls: string, ...children: Array<Node | string>): HTMLElement {
  const e = document.createElement(tag)
  if (cls) e.className = cls
  for (const c of children) e.append(c)
  return e
}

/** Replaces a container's children only when what it shows changed (a marquee would restart otherwise). */
function fill(container: HTMLElement, key: string, make: () => Node[]): void {
  if (container.dataset.key === key) return
  container.dataset.key = key
  container.replaceChildren(...make())
}

/** An ideographic space between the parts of a 办件公示 item. */
const GAP = '\u3000'

const callKey = (c: { ticket: string; callCount: number }) => `${c.ticket}#${c.callCount}`
const windowLabel = (n: number) => (n > 0 ? `${n} 号窗口` : '—')
const percent = (r: number) => `${Math.round(r * 1000) / 10}%`

export function renderBoard(a: BoardAnswer, flashing: ReadonlySet<string>): void {
  byId('closed').hidden = a.open
  const rows = a.calling.map((c) => {
    const tr = el(
      'tr',
      flashing.has(callKey(c)) ? 'flash' : '',
      el('td', 'calls__ticket', c.ticket),
      el('td', 'calls__window', windowLabel(c.windowNumber)),
    )
    return tr
  })
  fill(byId('calling'), `${a.calling.map(callKey).join(',')}|${[...flashing].join(',')}`, () =>
    rows.length ? rows : [el('tr', 'calls__empty', el('td', '', a.open ? '暂无叫号' : ''), el('td', '', ''))],
  )
  byId('calling').classList.toggle('calls--dense', a.calling.length > 6)
  byId('overflow-box').hidden = a.overflow.length === 0
  fill(byId('overflow'), a.overflow.map((c) => `${c.ticket}@${c.windowNumber}`).join(','), () =>
    a.overflow.map((c) => el('li', '', el('b', '', c.ticket), ` ${windowLabel(c.windowNumber)}`)),
  )
  fill(byId('recent'), JSON.stringify(a.recent), () =>
    a.recent.length
      ? a.recent.map((c) =>
          el(
            'li',
            c.skipped ? 'recent--skipped' : '',
            el('b', '', c.ticket),
            el('span', '', windowLabel(c.windowNumber)),
            c.skipped ? el('em', '', '过号') : '',
          ),
        )
      : [el('li', 'empty', '暂无')],
  )
  fill(byId('waiting'), JSON.stringify(a.waiting), () =>
    a.waiting.length
      ? a.waiting.map((w) => el('li', '', el('span', '', `${w.prefix} · ${w.place}`), el('b', '', `${w.count} 人`)))
      : [el('li', 'empty', a.open ? '当前无人等候' : '—')],
  )
  const f = a.figures
  const figures: Array<[string, string]> = [
    ['今日取号', `${f.tickets}`],
    ['已办理', `${f.served}`],
    ['平均等待', f.averageWaitMinutes === null ? '—' : `${f.averageWaitMinutes} 分钟`],
    ['今日办结', `${f.casesFinished} 件`],
    ...(f.goodRate === null ? [] : ([['好评率', percent(f.goodRate)]] as Array<[string, string]>)),
  ]
  fill(byId('figures'), JSON.stringify(figures), () => figures.map(([k, v]) => el('div', 'figure', el('dt', '', k), el('dd', '', v))))
  fill(byId('ticker'), JSON.stringify(a.ticker), () => {
    const items = a.ticker.length
      ? a.ticker.map((t) =>
          el(
            'span',
            'ticker__item',
            `受理编号尾号 ${t.caseTail}${GAP}${t.applicant}${GAP}${t.matter}${GAP}`,
            el('b', '', t.status),
            t.promisedDate ? `${GAP}承诺 ${t.promisedDate} 前办结` : '',
          ),
        )
      : [el('span', 'ticker__item', a.open ? '今日暂无办件动态' : '今日服务已结束')]
    // Twice, so the rail scrolls without a gap (the animation moves it by half its width).
    return a.ticker.length ? [...items, ...items.map((n) => n.cloneNode(true))] : items
  })
  byId('ticker').classList.toggle('ticker__rail--still', a.ticker.length === 0)
}

export function renderClock(now: Date): void {
  const parts = new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    weekday: 'long',
  }).format(now)
  byId('date').textContent = parts
  byId('clock').textContent = new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
  }).format(now)
}

export function renderBanner(text: string): void {
  const b = byId('banner')
  b.classList.toggle('banner--idle', !text)
  b.textContent = text || '请留意叫号，听到您的号码后到对应窗口办理'
}

export function renderMarks(m: { offline: boolean; voiceOff: boolean; askTap: boolean }): void {
  byId('offline').hidden = !m.offline
  byId('voice-off').hidden = !m.voiceOff
  byId('enable-voice').hidden = !m.askTap
}

/** The notice line: one pinned announcement at a time, or the centre's standing line when none is pinned. */
export function renderNotice(n: { title: string; category: string } | null): void {
  byId('notice-tag').textContent = n?.category ?? '温馨提示'
  byId('notice-text').textContent = n?.title ?? '办事指南、网上预约和办件查询，请使用本中心微信小程序。'
}

export { byId, callKey }
