/** Every code a person types is taken as it is shown: in groups with spaces or dashes, in lower case, from a full-width keyboard. */
import { randomInt } from 'node:crypto'
import { bookingCodeSchema } from '../../types/domain/booking'
import { isValidCaseNumber, newCaseNumber } from '../../types/domain/case-number'
import { typedCode } from '../../types/domain/check-code'
import { isValidTrackingNo, newTrackingNo } from '../../types/domain/complaint'
import { trackingNoSchema } from '../../types/contracts/complaint'

/** `ABCD EFGH`: how the app shows a code, in groups of four. */
const grouped = (code: string) => code.replace(/(.{4})(?=.)/g, '$1 ')
const fullWidth = (s: string) => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))

describe('codes typed as they are shown', () => {
  it('when a booking code is typed with its space, in lower case or full width, then it is the code', () => {
    for (const typed of ['HURJ 4WA4', 'hurj 4wa4', ' HURJ-4WA4 ', fullWidth('HURJ4WA4'), 'HURJ\u00a04WA4'])
      expect(bookingCodeSchema.parse(typed)).toBe('HURJ4WA4')
    expect(bookingCodeSchema.safeParse('HURJ 4WA').success).toBe(false)
    expect(bookingCodeSchema.safeParse('HURO 4WA4').success).toBe(false)
  })

  it('when a case number or a complaint number is typed in groups or lower case, then its check character still holds', () => {
    for (let i = 0; i < 50; i++) {
      const caseNo = newCaseNumber(randomInt)
      expect(isValidCaseNumber(grouped(caseNo).toLowerCase())).toBe(true)
      const trackingNo = newTrackingNo(randomInt)
      expect(isValidTrackingNo(grouped(trackingNo))).toBe(true)
      expect(trackingNoSchema.parse(` ${grouped(trackingNo).toLowerCase()} `)).toBe(trackingNo)
    }
  })

  it('when a code is compacted, then only the group separators go: nothing else is dropped or changed', () => {
    expect(typedCode('ab-cd ef\tgh')).toBe('ABCDEFGH')
    expect(typedCode('AB_CD')).toBe('AB_CD')
    expect(typedCode('4821 0937 5562')).toBe('482109375562')
  })
})
