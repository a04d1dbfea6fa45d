import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseHolidayNotice, type NoticeParse, type ParsedNotice } from '../../types/domain/holiday-notice'

/** A fixture's text without its first `#` line (where the text comes from). */
const fixture = (year: number) => readFileSync(join(__dirname, 'fixtures', `notice-${year}.txt`), 'utf8').replace(/^#.*\n/, '')

const library = (year: number) => {
  const file = join(require.resolve('chinese-days/package.json'), '..', 'dist', 'years', `${year}.json`)
  const data = JSON.parse(readFileSync(file, 'utf8')) as { holidays: Record<string, string>; workdays: Record<string, string> }
  return { off: Object.keys(data.holidays).sort(), work: Object.keys(data.workdays).sort() }
}

const parsed = (result: NoticeParse): ParsedNotice => {
  if (!result.ok) throw new Error(JSON.stringify(result.issues))
  return result.notice
}
const dates = (notice: ParsedNotice, kind: 'off' | 'work') => notice.days.filter((d) => d.kind === kind).map((d) => d.date)
const messages = (result: NoticeParse) => (result.ok ? [] : result.issues.map((i) => `${i.path}: ${i.message}`))

/** Deterministic pseudo-random numbers, so a failing line-break case can be replayed. */
const lcg = (seed: number) => () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31

const ITEM_2026_SPRING =
  '二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。'

describe('State Council holiday notice parser', () => {
  it.each([
    [2025, '国务院办公厅关于2025年部分节假日安排的通知', '国办发明电〔2024〕12号'],
    [2026, '国务院办公厅关于2026年部分节假日安排的通知', '国办发明电〔2025〕7号'],
  ])("when the %i notice is pasted whole, then its days are exactly chinese-days' and title and number are read", (year, title, number) => {
    const notice = parsed(parseHolidayNotice(fixture(year), year))
    expect(dates(notice, 'off')).toEqual(library(year).off)
    expect(dates(notice, 'work')).toEqual(library(year).work)
    expect(notice).toMatchObject({ year, title, number })
    expect(notice.days.map((d) => d.date)).toEqual([...new Set(notice.days.map((d) => d.date))].sort())
  })

  it("when the 2025 notice is read, then items keep the notice's own names and dates", () => {
    const notice = parsed(parseHolidayNotice(fixture(2025), 2025))
    expect(notice.items.map((i) => i.name)).toEqual(['元旦', '春节', '清明节', '劳动节', '端午节', '国庆节、中秋节'])
    expect(notice.items[0]).toEqual({ name: '元旦', off: ['2025-01-01'], work: [] })
    expect(notice.items[4].off).toEqual(['2025-05-31', '2025-06-01', '2025-06-02'])
    expect(notice.items[5].work).toEqual(['2025-09-28', '2025-10-11'])
    expect(notice.days.find((d) => d.date === '2025-10-08')).toEqual({ date: '2025-10-08', kind: 'off', name: '国庆节、中秋节' })
    expect(notice.days.find((d) => d.date === '2025-01-26')).toEqual({ date: '2025-01-26', kind: 'work', name: '春节' })
  })

  it('when only one item is pasted, then it is read without title or number', () => {
    const notice = parsed(parseHolidayNotice(ITEM_2026_SPRING, 2026))
    expect(notice.title).toBeUndefined()
    expect(notice.number).toBeUndefined()
    expect(notice.items).toEqual([
      {
        name: '春节',
        off: ['2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-21', '2026-02-22', '2026-02-23'],
        work: ['2026-02-14', '2026-02-28'],
      },
    ])
  })

  it.each([
    ['二、春节：2月15日至23日放假调休，共9天，2月14日（周六）上班，2月28日（周六）上班。', ['2026-02-14', '2026-02-28']],
    ['二、春节：2月15日至23日放假调休，共9天。2月14日（周六）、28日（周六）上班。', ['2026-02-14', '2026-02-28']],
    ['二、春节：2月15日至23日放假调休，共9天\n三、清明节：4月4日至6日放假，共3天', []],
  ])('when make-up days are written loosely (%s), then every one is read', (text, work) => {
    const notice = parsed(parseHolidayNotice(text, 2026))
    expect(notice.items[0].off).toHaveLength(9)
    expect(notice.items[0].work).toEqual(work)
  })

  it.each([
    ['一、元旦：2022年12月31日至2023年1月2日放假调休，共3天。', 2023, ['2022-12-31', '2023-01-01', '2023-01-02'], []],
    ['一、元旦：2022年12月31日（星期六）至1月2日（星期一）放假调休，共3天。', 2023, ['2022-12-31', '2023-01-01', '2023-01-02'], []],
    [
      '一、元旦：2012年1月1日至3日放假调休，共3天。2011年12月31日（星期六）上班。',
      2012,
      ['2012-01-01', '2012-01-02', '2012-01-03'],
      ['2011-12-31'],
    ],
    [
      '一、元旦：2018年12月30日至2019年1月1日放假调休，共3天。2018年12月29日（星期六）上班。',
      2019,
      ['2018-12-30', '2018-12-31', '2019-01-01'],
      ['2018-12-29'],
    ],
  ])('when an item has explicit years across New Year (%s), then its dates lie in the right years', (text, year, off, work) => {
    const notice = parsed(parseHolidayNotice(text, year))
    expect(notice.items[0].off).toEqual(off)
    expect(notice.items[0].work).toEqual(work)
  })

  it.each([
    ['malformed text', '请于明天上午九点到大厅办理。', 2026, 'text', '未识别到放假安排'],
    ['a wrong weekday', ITEM_2026_SPRING.replace('周日）至', '周一）至'), 2026, 'items.0', '2月15日不是周一（是周日），请核对'],
    ['a wrong 星期', '一、元旦：1月1日（星期三）放假1天，不调休。', 2026, 'items.0', '1月1日不是星期三（是周四）'],
    [
      'a wrong weekday on an end date without month',
      ITEM_2026_SPRING.replace('正月初七、周一', '正月初七、周二'),
      2026,
      'items.0',
      '2月23日不是周二',
    ],
    ['an impossible date', '一、元旦：2月30日放假1天。', 2026, 'items.0', '2月30日不是有效日期'],
    ['an impossible month', '一、元旦：13月1日放假1天。', 2026, 'items.0', '13月1日不是有效日期'],
    ['a day count that does not match', ITEM_2026_SPRING.replace('共9天', '共8天'), 2026, 'items.0', '共9天，与通知所写的共8天不符'],
    ['a range ending before it starts', '一、国庆节：10月7日至1日放假调休，共7天。', 2026, 'items.0', '10月1日早于10月7日'],
    [
      'a make-up day on a weekday',
      ITEM_2026_SPRING.replace('2月28日（周六）', '2月27日（周五）'),
      2026,
      'items.0',
      '2月27日是周五，调休上班日应为周六或周日',
    ],
    [
      'a day both off and work',
      ITEM_2026_SPRING.replace('2月28日（周六）上班', '2月22日（周日）上班'),
      2026,
      'items.0',
      '2月22日已是「春节」的放假日，又被列为「春节」的上班日',
    ],
    [
      'a day off in two items',
      `${ITEM_2026_SPRING}三、元宵节：2月23日（周一）放假1天。`,
      2026,
      'items.1',
      '2月23日已是「春节」的放假日，又被列为「元宵节」的放假日',
    ],
    ['a date far from the year', '一、元旦：2030年1月1日放假1天。', 2027, 'items.0', '2030年1月1日不在2027年的放假安排范围内'],
    ['an explicit year outside New Year', '一、国庆节：2026年10月1日至7日放假，共7天。', 2027, 'items.0', '不在2027年的放假安排范围内'],
    ['a date without a month', '一、元旦：1日放假1天。', 2026, 'items.0', '「1日」缺少月份'],
    ['an item without dates', '一、元旦：放假1天。', 2026, 'items.0', '未能识别放假日期'],
    ['a notice for another year', fixture(2026), 2027, 'title', '粘贴的是2026年的通知，与所选的2027年不符'],
    ['a year below range', fixture(2026), 1999, 'year', '年份应为2000至2100之间的整数'],
    ['a fractional year', fixture(2026), 2026.5, 'year', '年份应为2000至2100之间的整数'],
    ['an empty text', '', 2026, 'text', '未识别到放假安排'],
    ['an oversized text', fixture(2026).repeat(200), 2026, 'text', '超过20000字'],
  ])('when the text has %s, then it is refused with a useful issue', (_case, text, year, path, message) => {
    const result = parseHolidayNotice(text, year)
    expect(result.ok).toBe(false)
    expect(messages(result)).toEqual(
      expect.arrayContaining([expect.stringMatching(new RegExp(`^${path}: .*${message.replace(/[()（）[\]]/g, '\\$&')}`))]),
    )
  })

  it('when a text has several mistakes, then every one is reported', () => {
    const text = fixture(2026)
      .replace('共3天。1月4日', '共4天。1月4日')
      .replace('5月9日（周六）', '5月8日（周五）')
      .replace('6月19日（周五）', '6月19日（周四）')
    const result = parseHolidayNotice(text, 2026)
    expect(messages(result)).toEqual([
      expect.stringMatching(/^items\.0: 元旦：.*共3天，与通知所写的共4天不符/),
      expect.stringMatching(/^items\.3: 劳动节：5月8日是周五/),
      expect.stringMatching(/^items\.4: 端午节：6月19日不是周四/),
    ])
  })

  it('when the 2026 notice is pasted with half-width punctuation, then its days are the same', () => {
    const half = fixture(2026)
      .replace(/：/g, ':')
      .replace(/（/g, '(')
      .replace(/）/g, ')')
      .replace(/、/g, ',')
      .replace(/，/g, ',')
      .replace(/。/g, '.')
    const expected = parsed(parseHolidayNotice(fixture(2026), 2026))
    expect(parsed(parseHolidayNotice(half, 2026)).days).toEqual(expected.days)
    const notice2025 = parsed(parseHolidayNotice(fixture(2025).replace(/、/g, ',').replace(/：/g, ':'), 2025))
    expect(notice2025.items[5].name).toBe('国庆节、中秋节')
  })

  it.each([1, 2, 3, 4, 5])(
    'when the 2026 notice has random line breaks and spaces inserted (seed %i), then its days are the same',
    (seed) => {
      const random = lcg(seed)
      const text = [...fixture(2026)]
        .map((c) => (random() < 0.08 ? `${c}${['\n', '\r\n', ' ', '\u3000', '\u00a0'][Math.floor(random() * 5)]}` : c))
        .join('')
      const notice = parsed(parseHolidayNotice(text, 2026))
      expect(notice.days).toEqual(parsed(parseHolidayNotice(fixture(2026), 2026)).days)
      expect(notice.title).toBe('国务院办公厅关于2026年部分节假日安排的通知')
    },
  )

  it('when arbitrary strings are parsed, then the parser never throws and always answers', () => {
    const random = lcg(42)
    const alphabet = [...'一二三四五六七八九十、，,：:（）()月日年至放假上班共天周星期0123456789。.\n 农历元旦春节']
    const started = Date.now()
    for (let n = 0; n < 2000; n++) {
      const length = Math.floor(random() * 200)
      const text = Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join('')
      const result = parseHolidayNotice(text, 2026)
      expect(typeof result.ok).toBe('boolean')
    }
    // Mutations of the real notice: every one answers, ok or with issues.
    const base = fixture(2026)
    for (let n = 0; n < 500; n++) {
      const at = Math.floor(random() * base.length)
      const text = base.slice(0, at) + alphabet[Math.floor(random() * alphabet.length)] + base.slice(at + Math.floor(random() * 3))
      expect(() => parseHolidayNotice(text, 2026)).not.toThrow()
    }
    expect(Date.now() - started).toBeLessThan(5_000)
  })

  it('when a 200 KB string is pasted, then it is refused quickly', () => {
    const started = Date.now()
    const result = parseHolidayNotice('一、元旦：1月1日'.repeat(20_000), 2026)
    expect(messages(result)).toEqual(['text: 粘贴的内容超过20000字，请只粘贴通知正文'])
    expect(Date.now() - started).toBeLessThan(100)
  })

  it('when the largest accepted text is nothing but item heads and dates, then it still answers quickly', () => {
    const started = Date.now()
    const result = parseHolidayNotice('一、元旦：1月1日至31日放假。'.repeat(1_000).slice(0, 20_000), 2026)
    expect(result.ok).toBe(false)
    expect(Date.now() - started).toBeLessThan(2_000)
  })
})
