/**
 * GB 11643-1999 citizen ID numbers (居民身份证号码): 17 digits + a check character.
 * Check = (12 - Σ digit_i × weight_i mod 11) mod 11, written as 0-9 or X for 10.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const CHECK_CHARS = '10X98765432'

export function idNumberCheckChar(first17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]
  return CHECK_CHARS[sum % 11]
}

/** True for an 18-character ID number with a valid region-shaped prefix, real birth date and matching check character. */
export function isValidIdNumber(value: string): boolean {
  const id = value.toUpperCase()
  if (!/^[1-9]\d{16}[\dX]$/.test(id)) return false
  const y = +id.slice(6, 10)
  const m = +id.slice(10, 12)
  const d = +id.slice(12, 14)
  const birth = new Date(Date.UTC(y, m - 1, d))
  if (y < 1800 || birth.getUTCMonth() !== m - 1 || birth.getUTCDate() !== d || birth.getTime() > Date.now()) return false
  return idNumberCheckChar(id.slice(0, 17)) === id[17]
}
