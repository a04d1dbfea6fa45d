import { z } from '../zod'
import { checkedCode } from './check-code'

/**
 * A case's record id (`cs-` + 20 hex characters), never shown to people. Kept here, apart from the
 * case contract, so other contracts can name a case without pulling that contract into their bundle.
 */
export const caseIdSchema = z.string().regex(/^cs-[0-9a-f]{20}$/, '办件编号格式不正确')

/**
 * Case numbers (办件编号): `ZW` + 13 random characters + 1 check character (check-code.ts).
 * 13 random characters of 31 give 2^64 possibilities, so guessing finds nothing.
 */
const caseNumbers = checkedCode('ZW', 13)
export const newCaseNumber = caseNumbers.make
export const isValidCaseNumber = caseNumbers.isValid
