import { COMPOUND_SURNAMES, digitsOf, ID_NUMBER_IN_TEXT, LANDLINE_IN_TEXT, MOBILE_IN_TEXT } from './masking'

/**
 * Removes personal data from a question and answer before staff publish them as a public FAQ
 * entry (PIPL: ID numbers are sensitive personal information; phone numbers and names identify a
 * person). Unlike `redact()` (masking.ts: logs, text shown to staff), nothing of the number is
 * kept: a public page needs none.
 *
 * What it finds:
 *  - ID numbers: any 18-character (17 digits + digit/X) or 15-digit run, valid or not, and
 *    numbers as a masked view shows them (110105********002X, 139****5678);
 *  - phone numbers: mobile numbers (also written 138-1234-5678, 138 1234 5678, +86…) and
 *    landlines (0359-6521234, 03596521234), except the numbers in `keepNumbers` (the
 *    departments' public office numbers, which an answer may rightly quote);
 *  - names: every name in `names` (the asker's profile name, the staff's name), wherever it
 *    appears; a Chinese name after a cue (我叫 / 名叫 / 姓名 / 名字是; with a common surname also
 *    我是 / 本人 / 申请人 / 联系人 / 父亲 / 儿子 …); a surname before 先生 / 女士 / 同志 / 师傅 ….
 *
 * Limits (why staff still read the preview before publishing): a name with no cue and not in
 * `names` ("张伟的护照办好了吗") is not recognised; rare surnames are not in the list; non-Chinese
 * names, addresses and numbers split by words are not recognised; text inside images is never
 * published at all.
 */

export const SCRUB_MARKS = { idNumber: '[证件号码已隐去]', phone: '[电话号码已隐去]', name: '某某' } as const

export interface ScrubOptions {
  /** Known names to remove wherever they appear (2 characters or more). */
  names?: string[]
  /** Public numbers to keep, e.g. the departments' office phones. */
  keepNumbers?: string[]
}

export interface ScrubResult {
  text: string
  removed: { idNumbers: number; phones: number; names: number }
}

/** The most common Chinese surnames (about 90 % of the population), and the compound ones. */
const SURNAMES = new Set(
  Array.from(
    '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝',
  ),
)

/** Characters that end a name read after a cue ("我叫张伟想问…" → 张伟): verbs and particles rarely used in given names. */
const STOP = new Set(
  Array.from('想要是的在从去给请问了和与及因办申咨准已今昨刚现到需能可会身电手住家，。、！？；：,.!?;: （）()【】[]“”"\'\n\t'),
)
const HAN = /[\u4e00-\u9fa5·]/

/** Everyday words that begin with a surname character and often follow a cue (联系方式, 找窗口…): never read as names. */
const NOT_NAMES = [
  '方式',
  '方法',
  '方面',
  '时间',
  '时候',
  '单位',
  '公司',
  '工作',
  '明天',
  '全部',
  '相关',
  '管理',
  '江苏',
  '钱款',
  '金额',
  '高速',
  '成年',
  '和平',
]

/** The name that starts at `text[i]`: 2-3 characters (4 with a compound surname), cut at the first stop character. */
function nameAt(chars: string[], i: number, needSurname: boolean): number {
  const compound = COMPOUND_SURNAMES.includes(chars.slice(i, i + 2).join(''))
  if (needSurname && !compound && !SURNAMES.has(chars[i])) return 0
  if (NOT_NAMES.includes(chars.slice(i, i + 2).join(''))) return 0
  const max = compound ? 4 : 3
  let n = 0
  while (n < max && i + n < chars.length && HAN.test(chars[i + n]) && !(n >= (compound ? 3 : 1) && STOP.has(chars[i + n]))) n++
  if (n >= (compound ? 3 : 2)) return n
  return 0
}

const STRONG_CUES = ['我的名字是', '我的名字叫', '名字叫', '名字是', '我名叫', '名叫', '我叫', '姓名是', '姓名：', '姓名:', '姓名']
const WEAK_CUES = [
  '我是',
  '本人',
  '申请人',
  '联系人',
  '联系',
  '找',
  '办事人',
  '父亲',
  '母亲',
  '爸爸',
  '妈妈',
  '儿子',
  '女儿',
  '丈夫',
  '妻子',
  '爱人',
  '老伴',
  '孩子',
  '爷爷',
  '奶奶',
  '外婆',
  '外公',
  '叫',
]
const TITLES = ['先生', '女士', '小姐', '同志', '师傅', '阿姨', '大爷', '大妈', '老师', '大姐', '大哥']

function scrubNames(text: string, known: string[]): { text: string; count: number; found: string[] } {
  let count = 0
  const found: string[] = []
  let out = text
  // Known names first, longest first so 欧阳娜娜 goes before 欧阳娜.
  for (const name of [...new Set(known.map((n) => n.trim()).filter((n) => Array.from(n).length >= 2))].sort(
    (a, b) => b.length - a.length,
  )) {
    const parts = out.split(name)
    count += parts.length - 1
    out = parts.join(SCRUB_MARKS.name)
  }
  // Cues: scan once, left to right.
  const chars = Array.from(out)
  const result: string[] = []
  for (let i = 0; i < chars.length;) {
    const rest = chars.slice(i, i + 6).join('')
    const strong = STRONG_CUES.find((c) => rest.startsWith(c))
    const weak = strong ? undefined : WEAK_CUES.find((c) => rest.startsWith(c))
    const cue = strong ?? weak
    if (cue) {
      const len = Array.from(cue).length
      let at = i + len
      while (chars[at] === ' ') at++
      const already = chars.slice(at, at + 2).join('') === SCRUB_MARKS.name
      const n = already ? 0 : nameAt(chars, at, !strong)
      if (n) {
        found.push(chars.slice(at, at + n).join(''))
        result.push(...chars.slice(i, at), SCRUB_MARKS.name)
        count++
        i = at + n
        continue
      }
      result.push(...chars.slice(i, i + len))
      i += len
      continue
    }
    // A surname (or surname + given name) before a title: 张先生, 张伟先生 → 某先生.
    if (SURNAMES.has(chars[i]) || COMPOUND_SURNAMES.includes(chars.slice(i, i + 2).join(''))) {
      const s = COMPOUND_SURNAMES.includes(chars.slice(i, i + 2).join('')) ? 2 : 1
      const hit = [0, 1, 2]
        .map((g) => ({ g, title: TITLES.find((t) => chars.slice(i + s + g, i + s + g + 2).join('') === t) }))
        .find((x) => x.title && chars.slice(i + s, i + s + x.g).every((c) => HAN.test(c) && !STOP.has(c)))
      const prev = chars[i - 1]
      if (hit && !(prev && HAN.test(prev) && !STOP.has(prev) && hit.g > 0)) {
        result.push('某', hit.title!)
        count++
        i += s + hit.g + 2
        continue
      }
    }
    result.push(chars[i])
    i++
  }
  return { text: result.join(''), count, found }
}

export function scrubPersonalData(text: string, opts: ScrubOptions = {}): ScrubResult & { found: string[] } {
  const removed = { idNumbers: 0, phones: 0, names: 0 }
  const keep = new Set((opts.keepNumbers ?? []).map(digitsOf).filter(Boolean))
  // The same finders as redact() (masking.ts), so what a log masks and what an FAQ removes cannot drift apart.
  let out = text
    .replace(ID_NUMBER_IN_TEXT(), () => {
      removed.idNumbers++
      return SCRUB_MARKS.idNumber
    })
    .replace(MOBILE_IN_TEXT(), () => {
      removed.phones++
      return SCRUB_MARKS.phone
    })
    .replace(LANDLINE_IN_TEXT(), (m) => {
      if (keep.has(digitsOf(m))) return m
      removed.phones++
      return SCRUB_MARKS.phone
    })
    // A number staff copied from a masked view (110105********002X, 139****5678): its region code
    // and last digits are still more than a public page may show.
    .replace(/(?<![0-9A-Za-z*])\d{0,6}\*{4,}[0-9Xx]{2,4}(?![0-9A-Za-z*])/g, (m) => {
      const id = m.length === 18 || m.length === 15
      removed[id ? 'idNumbers' : 'phones']++
      return id ? SCRUB_MARKS.idNumber : SCRUB_MARKS.phone
    })
  const names = scrubNames(out, opts.names ?? [])
  out = names.text
  removed.names = names.count
  return { text: out, removed, found: names.found }
}

/** Names recognised by cue (我叫张伟 → 张伟), for masking them elsewhere (log lines). */
export const namesByCue = (text: string): string[] => scrubNames(text, []).found

/**
 * A question and its answer scrubbed together: a name recognised in one (「我叫张伟」 in the
 * question) is also removed where it appears bare in the other ("张伟您好").
 */
export function scrubFaq(
  entry: { question: string; answer: string },
  opts: ScrubOptions = {},
): { question: string; answer: string; removed: ScrubResult['removed'] } {
  const found = [...scrubPersonalData(entry.question, opts).found, ...scrubPersonalData(entry.answer, opts).found]
  const withFound = { ...opts, names: [...(opts.names ?? []), ...found] }
  const q = scrubPersonalData(entry.question, withFound)
  const a = scrubPersonalData(entry.answer, withFound)
  const sum = (k: keyof ScrubResult['removed']) => q.removed[k] + a.removed[k]
  return { question: q.text, answer: a.text, removed: { idNumbers: sum('idNumbers'), phones: sum('phones'), names: sum('names') } }
}
