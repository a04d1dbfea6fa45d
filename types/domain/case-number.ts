import { checkedCode } from './check-code'

/**
 * Case numbers (办件编号): `ZW` + 13 random characters + 1 check character (check-code.ts).
 * 13 random characters of 31 give 2^64 possibilities, so guessing finds nothing.
 */
const caseNumbers = checkedCode('ZW', 13)
export const newCaseNumber = caseNumbers.make
export const isValidCaseNumber = caseNumbers.isValid
