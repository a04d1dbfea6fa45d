import { addCalendarDays, isBeijingDate, toUtcMs } from './dates'

/**
 * Reads the State Council's yearly holiday notice (国务院办公厅关于YYYY年部分节假日安排的通知) as an
 * administrator pastes it from www.gov.cn, so a year chinese-days does not ship yet can be added
 * without typing forty dates by hand. Every item of the notice has the same shape, e.g. the 2026
 * notice (国办发明电〔2025〕7号, www.gov.cn/zhengce/content/202511/content_7047090.htm):
 *   二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。
 * Pasted pages break lines anywhere and mix full- and half-width punctuation, so the text is folded
 * (NFKC) and stripped of all whitespace (Chinese prose has none that matters) before reading, and
 * items are found by their numeral head (一、 … 十一、), never by line. The notice states each
 * weekday and the length of each range: both are checked, as they are what catches a typo.
 */

export interface NoticeDay {
  date: string /* YYYY-MM-DD */
  kind: 'off' | 'work'
  name: string /* e.g. '春节' */
}
export interface NoticeItem {
  name: string
  off: string[]
  work: string[]
}
export interface ParsedNotice {
  year: number
  /** The notice's title when the pasted text contains it, e.g. 国务院办公厅关于2026年部分节假日安排的通知 */
  title?: string
  /** The document number when present, e.g. 国办发明电〔2025〕7号 */
  number?: string
  items: NoticeItem[]
  /** Every off day and make-up working day, sorted by date; a date appears at most once. */
  days: NoticeDay[]
}
export interface NoticeIssue {
  path: string
  message: string
}
export type NoticeParse = { ok: true; notice: ParsedNotice } | { ok: false; issues: NoticeIssue[] }

const MAX_CHARS = 20_000
const WEEKDAYS = '日一二三四五六'
/** An item head: Chinese numeral, 、 (or its half-width stand-ins), the holiday's name, a colon. */
const ITEM_RE = /(十[一二三四五六七八九]?|[一二三四五六七八九])[、,.]([\u4e00-\u9fff][\u4e00-\u9fff、,]{0,19}?):/g
/** 2022年12月31日（周六）, 1月4日（周日）, 23日（农历正月初七、周一）: year and month are optional. */
const DATE_RE = /(?<!\d)(?:(\d+)年)?(?:(\d+)月)?(\d+)日(?:\(([^()]*)\))?/g
const TITLE_RE = /国务院办公厅关于(\d{4})年部分节假日安排的通知/
const NUMBER_RE = /国办发明电[〔【[(]?(\d{4})[〕】\])]?(\d{1,3})号/

interface Found {
  date: string
  at: number
  stop: number
  label: string
}

const weekday = (date: string) => new Date(toUtcMs(date)).getUTCDay()
/** 2026-02-15 as 2月15日, with the year only when it is not the notice's. */
const cnDate = (date: string, year: number) =>
  `${+date.slice(0, 4) === year ? '' : `${date.slice(0, 4)}年`}${+date.slice(5, 7)}月${+date.slice(8)}日`

/**
 * The dates of one sentence. A date without a year is in `year`; one without a month takes the
 * previous date's month and year (「2月15日至23日」, 「2012年1月1日至3日」). An explicit year may only
 * reach into the December before or the January after, where a New Year holiday can lie.
 */
function readDates(sentence: string, year: number, issue: (message: string) => void): Found[] {
  const found: Found[] = []
  let prev: { y: number; m: number } | undefined
  for (const m of sentence.matchAll(DATE_RE)) {
    const [label, ys, ms, ds, paren = ''] = m
    const y = ys ? +ys : ms ? year : prev?.y
    const mo = ms ? +ms : prev?.m
    if (y === undefined || mo === undefined) {
      issue(`「${label}」缺少月份，请核对`)
      continue
    }
    prev = { y, m: mo }
    const date = `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(+ds).padStart(2, '0')}`
    // Messages name the date in full (「2月23日」, not the notice's 「23日」).
    const plain = `${ys ? `${y}年` : ''}${mo}月${+ds}日`
    if (!isBeijingDate(date)) {
      issue(`${plain}不是有效日期，请核对`)
      continue
    }
    if (date < `${year - 1}-12-01` || date > `${year + 1}-01-31`) {
      issue(`${plain}不在${year}年的放假安排范围内（跨年日期只能是上一年12月或下一年1月），请核对`)
      continue
    }
    // Lunar dates (农历腊月二十八) share the parentheses with the weekday: only the weekday is checked.
    for (const part of paren.split(/[、,]/)) {
      const w = /^(?:周|星期|礼拜)([一二三四五六日天])$/.exec(part)
      if (w && WEEKDAYS.indexOf(w[1] === '天' ? '日' : w[1]) !== weekday(date))
        issue(`${plain}不是${part}（是周${WEEKDAYS[weekday(date)]}），请核对`)
    }
    found.push({ date, at: m.index ?? 0, stop: (m.index ?? 0) + label.length, label: plain })
  }
  return found
}

/** One item's body: its sentences up to the first that is about neither 放假 nor 上班 (the closing paragraph). */
function readItem(name: string, body: string, year: number, issue: (message: string) => void): NoticeItem {
  const item: NoticeItem = { name, off: [], work: [] }
  for (const sentence of body.split(/[。.;；]/)) {
    const offAt = sentence.indexOf('放假')
    const workAt = sentence.lastIndexOf('上班')
    if (offAt < 0 && workAt < 0) {
      if (sentence) break
      continue
    }
    const dates = readDates(sentence, year, (message) => issue(`${name}：${message}`))
    const off = offAt < 0 ? [] : dates.filter((d) => d.at < offAt)
    if (workAt >= 0) {
      for (const d of dates) {
        if (off.includes(d) || d.at > workAt) continue
        // A weekday is a working day anyway: a make-up day on one is almost certainly a typo.
        if (weekday(d.date) % 6 !== 0) issue(`${name}：${d.label}是周${WEEKDAYS[weekday(d.date)]}，调休上班日应为周六或周日，请核对`)
        item.work.push(d.date)
      }
    }
    if (offAt < 0) continue
    if (off.length === 0 || off.length > 2) {
      issue(`${name}：未能识别放假日期，请核对`)
      continue
    }
    const [start, end = start] = off
    const between = sentence.slice(start.stop, end.at)
    if (off.length === 2 && !/^(?:至|到|-|—|–|~)$/.test(between)) {
      issue(`${name}：未能识别放假日期，请核对`)
      continue
    }
    if (end.date < start.date) {
      issue(`${name}：${end.label}早于${start.label}，请核对放假日期`)
      continue
    }
    const length = (toUtcMs(end.date) - toUtcMs(start.date)) / 86_400_000 + 1
    const stated = /(?:共|放假)(\d+)天/.exec(sentence.slice(offAt))
    if (length > 31) {
      issue(`${name}：${start.label}至${end.label}长达${length}天，请核对放假日期`)
      continue
    }
    if (stated && +stated[1] !== length)
      issue(`${name}：${start.label}至${end.label}共${length}天，与通知所写的共${stated[1]}天不符，请核对`)
    for (let d = start.date; d <= end.date; d = addCalendarDays(d, 1)) item.off.push(d)
  }
  if (item.off.length === 0) issue(`${name}：未找到放假日期，请核对`)
  return item
}

export function parseHolidayNotice(text: string, year: number): NoticeParse {
  const issues: NoticeIssue[] = []
  if (!Number.isInteger(year) || year < 2000 || year > 2100) issues.push({ path: 'year', message: '年份应为2000至2100之间的整数' })
  if (typeof text !== 'string') issues.push({ path: 'text', message: '请粘贴通知正文' })
  else if (text.length > MAX_CHARS) issues.push({ path: 'text', message: `粘贴的内容超过${MAX_CHARS}字，请只粘贴通知正文` })
  if (issues.length > 0) return { ok: false, issues }

  const flat = text.normalize('NFKC').replace(/[\s\u200b-\u200d\u2060\ufeff]+/g, '')
  const title = TITLE_RE.exec(flat)
  const number = NUMBER_RE.exec(flat)
  if (title && +title[1] !== year) issues.push({ path: 'title', message: `粘贴的是${title[1]}年的通知，与所选的${year}年不符` })

  const heads = [...flat.matchAll(ITEM_RE)]
  if (heads.length === 0)
    issues.push({ path: 'text', message: '未识别到放假安排，请粘贴国务院办公厅通知的正文（如「一、元旦：1月1日……」）' })
  const items = heads.map((head, i) => {
    const name = head[2].replace(/,/g, '、')
    const body = flat.slice((head.index ?? 0) + head[0].length, heads[i + 1]?.index ?? flat.length)
    return readItem(name, body, year, (message) => issues.push({ path: `items.${i}`, message }))
  })

  const seen = new Map<string, NoticeDay>()
  items.forEach((item, i) => {
    const mine = [
      ...item.off.map((date) => ({ date, kind: 'off' as const })),
      ...item.work.map((date) => ({ date, kind: 'work' as const })),
    ]
    for (const { date, kind } of mine) {
      const before = seen.get(date)
      if (!before) {
        seen.set(date, { date, kind, name: item.name })
        continue
      }
      const what = (k: NoticeDay['kind']) => (k === 'off' ? '放假日' : '上班日')
      issues.push({
        path: `items.${i}`,
        message: `${cnDate(date, year)}已是「${before.name}」的${what(before.kind)}，又被列为「${item.name}」的${what(kind)}，请核对`,
      })
    }
  })
  if (issues.length > 0) return { ok: false, issues }
  const days = [...seen.values()].sort((a, b) => (a.date < b.date ? -1 : 1))
  return {
    ok: true,
    notice: { year, ...(title && { title: title[0] }), ...(number && { number: `国办发明电〔${number[1]}〕${number[2]}号` }), items, days },
  }
}
