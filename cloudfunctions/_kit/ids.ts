import { randomBytes, randomInt } from 'node:crypto'
import { BOOKING_CODE_ALPHABET } from '../../types/domain/booking'
import { keyedHash } from './secrets'

export const randomHex = (chars: number) =>
  randomBytes(Math.ceil(chars / 2))
    .toString('hex')
    .slice(0, chars)

/** `length` random characters from the alphabet without look-alikes: a code people read out and type. */
export const newReadableCode = (length: number) =>
  Array.from({ length }, () => BOOKING_CODE_ALPHABET[randomInt(BOOKING_CODE_ALPHABET.length)]).join('')

export const newBookingCode = () => newReadableCode(8)

/**
 * A keyed hash of an ID number, to find "the same person" (one booking per person per matter,
 * the no-show bar) without storing the number itself as a key. Keyed, because the ID number space
 * is small enough to hash exhaustively; without ID_HASH_KEY the action is refused (secrets.ts).
 */
export const personKey = (idNumber: string) => keyedHash(idNumber.toUpperCase(), 40)
