/**
 * Masking of personal data for display and logs (PIPL: ID numbers are sensitive personal information).
 * Masks keep just enough for a person to recognise their own record.
 */

/** 110105********002X: region code (6) and last 4 kept. */
export function maskIdNumber(id: string): string {
  if (id.length <= 10) return '*'.repeat(id.length)
  return id.slice(0, 6) + '*'.repeat(id.length - 10) + id.slice(-4)
}

/** 138****5678 for mobile numbers; other lengths keep only the last 4. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\s|-/g, '')
  if (/^1\d{10}$/.test(digits)) return `${digits.slice(0, 3)}****${digits.slice(7)}`
  if (digits.length <= 4) return '*'.repeat(digits.length)
  return '*'.repeat(digits.length - 4) + digits.slice(-4)
}

/** 张* / 欧阳** : the family name (one character, or two for the common compound surnames) is kept. */
const COMPOUND_SURNAMES = ['欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '令狐', '长孙', '宇文', '司徒', '夏侯', '轩辕', '端木']
export function maskName(name: string): string {
  const chars = Array.from(name.trim())
  if (chars.length === 0) return ''
  const keep = chars.length > 2 && COMPOUND_SURNAMES.includes(chars.slice(0, 2).join('')) ? 2 : 1
  if (chars.length === 1) return '*'
  return chars.slice(0, keep).join('') + '*'.repeat(chars.length - keep)
}

/** Masks ID numbers and mobile numbers wherever they appear in free text (log lines, error messages). */
export function redact(text: string): string {
  return text
    .replace(/(?<!\d)[1-9]\d{5}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?!\d)/g, (m) => maskIdNumber(m))
    .replace(/(?<!\d)1[3-9]\d{9}(?!\d)/g, (m) => maskPhone(m))
}
