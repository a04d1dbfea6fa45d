/**
 * Case numbers (办件编号): `ZW` + 13 random characters + 1 check character, from an alphabet
 * without look-alikes. 13 random characters of 31 give 2^64 possibilities, so guessing finds
 * nothing; the check character (a weighted sum modulo 31) catches a mistyped character or two swapped
 * neighbours before any lookup.
 */
export const CASE_NO_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'
const N = CASE_NO_ALPHABET.length
const RANDOM_LENGTH = 13

function checkChar(body: string): string {
  // Weights 2..14 are distinct and non-zero modulo the prime 31: any single wrong character and
  // any swap of two neighbours changes the sum.
  let sum = 0
  for (let i = 0; i < body.length; i++) sum += (i + 2) * CASE_NO_ALPHABET.indexOf(body[i])
  return CASE_NO_ALPHABET[sum % N]
}

/** `randomIndex(n)` answers a uniform integer in [0, n): crypto.randomInt on the server. */
export function newCaseNumber(randomIndex: (n: number) => number): string {
  const body = Array.from({ length: RANDOM_LENGTH }, () => CASE_NO_ALPHABET[randomIndex(N)]).join('')
  return `ZW${body}${checkChar(body)}`
}

export function isValidCaseNumber(value: string): boolean {
  const s = value.trim().toUpperCase()
  if (!/^ZW/.test(s) || s.length !== 2 + RANDOM_LENGTH + 1) return false
  const body = s.slice(2, -1)
  if (![...body].every((c) => CASE_NO_ALPHABET.includes(c))) return false
  return checkChar(body) === s[s.length - 1]
}
