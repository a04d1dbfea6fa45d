import { createHmac, randomBytes, randomInt } from 'node:crypto'
import { BOOKING_CODE_ALPHABET } from '../../types/domain/booking'

export const randomHex = (chars: number) => randomBytes(Math.ceil(chars / 2)).toString('hex').slice(0, chars)

export const newBookingCode = () => Array.from({ length: 8 }, () => BOOKING_CODE_ALPHABET[randomInt(BOOKING_CODE_ALPHABET.length)]).join('')

/**
 * A keyed hash of an ID number, to find "the same person" (one booking per person per matter,
 * the no-show bar) without storing the number itself as a key. Keyed, because the ID number space
 * is small enough to hash exhaustively. Set ID_HASH_KEY in the function's environment when deploying.
 */
export const personKey = (idNumber: string) =>
  createHmac('sha256', process.env.ID_HASH_KEY || 'local-dev-only-key').update(idNumber.toUpperCase()).digest('hex').slice(0, 40)
