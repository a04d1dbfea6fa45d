/**
 * Codes people read out and type in (办件编号, 投诉编号): a prefix, random characters from an
 * alphabet without look-alikes (no I/L/O/0/1), and one check character. The check character is a
 * weighted sum modulo 31, a prime: weights 2, 3, … are distinct and non-zero modulo 31, so any one
 * wrong character and any swap of two neighbours changes it, and a typo is caught before any lookup.
 */
export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'

/**
 * A code as a person typed it, made comparable: the spaces and dashes of the groups it is shown in
 * (「HURJ 4WA4」) dropped, full-width characters from a Chinese keyboard folded to their ASCII forms
 * (Unicode NFKC: 「ＨＵＲＪ」 → 「HURJ」), lower case raised. Every code field a person types goes
 * through it, so what they copy from the screen is what they may type.
 */
export const typedCode = (typed: string): string =>
  typed
    .normalize('NFKC')
    .replace(/[\s\-\u2010-\u2015]/g, '')
    .toUpperCase()
const N = CODE_ALPHABET.length

function checkChar(body: string): string {
  let sum = 0
  for (let i = 0; i < body.length; i++) sum += (i + 2) * CODE_ALPHABET.indexOf(body[i])
  return CODE_ALPHABET[sum % N]
}

export interface CheckedCode {
  /** `randomIndex(n)` answers a uniform integer in [0, n): crypto.randomInt on the server. */
  make(randomIndex: (n: number) => number): string
  /** Whether a typed value (any case, with spaces or dashes between its groups) is a well-formed code with the right check character. */
  isValid(value: string): boolean
}

export function checkedCode(prefix: string, bodyLength: number): CheckedCode {
  return {
    make: (randomIndex) => {
      const body = Array.from({ length: bodyLength }, () => CODE_ALPHABET[randomIndex(N)]).join('')
      return `${prefix}${body}${checkChar(body)}`
    },
    isValid: (value) => {
      const s = typedCode(value)
      if (!s.startsWith(prefix) || s.length !== prefix.length + bodyLength + 1) return false
      const body = s.slice(prefix.length, -1)
      if (![...body].every((c) => CODE_ALPHABET.includes(c))) return false
      return checkChar(body) === s[s.length - 1]
    },
  }
}
