import type { FormField, FormValues } from './matter-form'

/**
 * Masking of personal data for display and logs (PIPL art. 28: ID numbers are sensitive personal
 * information; art. 51 asks for "去标识化" where the purpose allows it). Masks keep just enough for
 * a person to recognise their own record.
 */

/** 110105********002X: region code (6) and last 4 kept. */
export function maskIdNumber(id: string): string {
  if (id.length <= 10) return '*'.repeat(id.length)
  return id.slice(0, 6) + '*'.repeat(id.length - 10) + id.slice(-4)
}

/** 138****5678 for mobile numbers (a leading +86 dropped); other lengths keep only the last 4. */
export function maskPhone(phone: string): string {
  let digits = phone.replace(/[\s()+-]/g, '')
  if (/^861[3-9]\d{9}$/.test(digits)) digits = digits.slice(2)
  if (/^1\d{10}$/.test(digits)) return `${digits.slice(0, 3)}****${digits.slice(7)}`
  if (digits.length <= 4) return '*'.repeat(digits.length)
  return '*'.repeat(digits.length - 4) + digits.slice(-4)
}

/** 张* / 欧阳** : the family name (one character, or two for the common compound surnames) is kept. */
export const COMPOUND_SURNAMES = [
  '欧阳',
  '司马',
  '上官',
  '诸葛',
  '东方',
  '皇甫',
  '尉迟',
  '公孙',
  '慕容',
  '令狐',
  '长孙',
  '宇文',
  '司徒',
  '夏侯',
  '轩辕',
  '端木',
]
export function maskName(name: string): string {
  const chars = Array.from(name.trim())
  if (chars.length === 0) return ''
  const keep = chars.length > 2 && COMPOUND_SURNAMES.includes(chars.slice(0, 2).join('')) ? 2 : 1
  if (chars.length === 1) return '*'
  return chars.slice(0, keep).join('') + '*'.repeat(chars.length - keep)
}

/** Any other typed text (a place, a company, a document number): the first character and at most 8 stars. */
export function maskText(text: string): string {
  const chars = Array.from(text.trim())
  if (chars.length <= 1) return chars.length ? '*' : ''
  return chars[0] + '*'.repeat(Math.min(chars.length - 1, 8))
}

/** 山西省运城市**** : a postal address keeps its first 6 characters (province and city), at most half. */
export function maskAddress(address: string): string {
  const chars = Array.from(address.trim())
  if (chars.length === 0) return ''
  return chars.slice(0, Math.min(6, Math.floor(chars.length / 2))).join('') + '****'
}

/**
 * Where personal numbers hide in free text; new RegExp objects each time (global ones keep state).
 *  - ID numbers: 18 characters (17 digits + digit/X, optionally spaced 6-8-4) or the old 15 digits
 *    (GB 11643-1999 replaced the 15-digit form; old cards and documents still carry it);
 *  - mobile numbers: 1[3-9]x xxxx xxxx written whole, with spaces or dashes, with or without +86;
 *  - landlines: area code 0xx(x) and a 7-8 digit number, optionally with an extension.
 */
export const ID_NUMBER_IN_TEXT = () => /(?<![0-9A-Za-z])(?:\d{6}[ -]?\d{8}[ -]?\d{3}[0-9Xx]|\d{15})(?![0-9A-Za-z])/g
export const MOBILE_IN_TEXT = () => /(?<!\d)(?:\+?86[ -]?)?1[3-9]\d[ -]?\d{4}[ -]?\d{4}(?!\d)/g
export const LANDLINE_IN_TEXT = () => /(?<!\d)(?:\(?0\d{2,3}\)?[ -]?)\d{7,8}(?:-\d{1,4})?(?!\d)/g
/** A long run of digits none of the above took (a cut-off ID number, a bank card): masked all but the last 4. */
const LONG_DIGITS = () => /(?<!\d)\d{14,}(?!\d)/g
/** `name: "张伟"`, `"recipient":"张伟"`, `askerName=张伟`: a name-like key's value in a log line. */
const NAMED_VALUE = () =>
  /((?<![A-Za-z])(?:name|askerName|applicantName|ownerName|staffName|nickname|recipient|contact|emergencyContact|legalRepresentative)["']?\s*[:=]\s*["']?)([\u4e00-\u9fa5·]{2,6})/g

export const digitsOf = (s: string) => s.replace(/\D/g, '')

export interface RedactOptions {
  /** Known names (the asker's profile name …) masked wherever they appear. */
  names?: string[]
  /** Public numbers to leave as written, e.g. the departments' office phones. */
  keepNumbers?: string[]
}

/**
 * Masks ID numbers, phone numbers and names in free text: log lines, and text shown to anyone
 * but its author (an inquiry's question and messages). Unlike the FAQ scrub (faq-scrub.ts), which
 * removes them for a public page, the masks keep the region code and the last 4 digits, so staff
 * can still tell "the number ending 002X" from another.
 */
export function redact(text: string, opts: RedactOptions = {}): string {
  const keep = new Set((opts.keepNumbers ?? []).map(digitsOf).filter(Boolean))
  let out = text
    .replace(ID_NUMBER_IN_TEXT(), (m) => maskIdNumber(m.replace(/[ -]/g, '')))
    .replace(MOBILE_IN_TEXT(), (m) => maskPhone(m))
    .replace(LANDLINE_IN_TEXT(), (m) => (keep.has(digitsOf(m)) ? m : maskPhone(m)))
    .replace(LONG_DIGITS(), (m) => '*'.repeat(m.length - 4) + m.slice(-4))
    .replace(NAMED_VALUE(), (_m, key: string, name: string) => key + maskName(name))
  for (const name of [...new Set((opts.names ?? []).map((n) => n.trim()).filter((n) => Array.from(n).length >= 2))].sort(
    (a, b) => b.length - a.length,
  )) {
    out = out.split(name).join(maskName(name))
  }
  return out
}

/** Only the ID numbers in free text masked: for text whose other numbers are meant for the reader. */
export const maskIdNumbersIn = (text: string): string => text.replace(ID_NUMBER_IN_TEXT(), (m) => maskIdNumber(m.replace(/[ -]/g, '')))

/**
 * A form value as a masked view shows it, by the field's type: ID numbers and phones as above,
 * typed text (names, places, document numbers, addresses) down to its first character, dates to
 * the year. Choices from the published option list and numbers (counts, amounts) are not
 * personal and stay. A value the form does not define is hidden whole.
 */
export function maskFormValue(field: Pick<FormField, 'type'> | undefined, value: string | number): string | number {
  switch (field?.type) {
    case 'select':
    case 'number':
      return value
    case 'idNumber':
      return maskIdNumber(String(value))
    case 'phone':
      return maskPhone(String(value))
    case 'date':
      return `${String(value).slice(0, 4)}-**-**`
    case 'text':
    case 'textarea':
      return maskText(String(value))
    default:
      return '***'
  }
}

export function maskForm(fields: readonly FormField[], values: FormValues): FormValues {
  return Object.fromEntries(
    Object.entries(values).map(([k, v]) => [
      k,
      maskFormValue(
        fields.find((f) => f.key === k),
        v,
      ),
    ]),
  )
}

/** The way a result is received: a mail recipient, phone and address masked; pickup has nothing personal. */
export function maskDelivery<D extends { method: 'pickup' } | { method: 'mail'; recipient: string; phone: string; address: string }>(
  d: D,
): D {
  if (d.method !== 'mail') return d
  const m = d as Extract<D, { method: 'mail' }>
  return { ...m, recipient: maskName(m.recipient), phone: maskPhone(m.phone), address: maskAddress(m.address) }
}
