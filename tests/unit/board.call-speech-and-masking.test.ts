import { boardName, boardText, callSpeech, callText, caseTail, closingMinutes } from '../../types/domain/board'

describe('hall display board rules', () => {
  it('when a call is announced, then the banner reads the ticket as printed and the voice reads its digits one by one', () => {
    expect(callText('A023', 5)).toBe('请 A023 号到 5 号窗口办理')
    expect(callSpeech('A023', 5)).toBe('请A零二三号，到5号窗口办理')
    expect(callSpeech('H100', 62)).toBe('请H一零零号，到62号窗口办理')
  })

  it('when an applicant is shown, then only the family name and one star remain, whatever the length', () => {
    expect(boardName('张伟')).toBe('张*')
    expect(boardName('张三丰')).toBe('张*')
    expect(boardName('欧阳建华')).toBe('欧阳*')
    expect(boardName('李')).toBe('*')
    expect(boardName('')).toBe('*')
    expect(caseTail('ZW3K8F2Q7M9X4T6B')).toBe('4T6B')
  })

  it('when public text carries an ID number, a phone, a long number or a named person, then they are removed or masked; office landlines stay', () => {
    expect(boardText('请110101198001011234联系')).toBe('请***联系')
    expect(boardText('电话 138 1234 5678')).toBe('电话 ***')
    expect(boardText('11010119800101123413812345678')).toBe('***')
    expect(boardText('咨询电话 0359-0601101')).toBe('咨询电话 0359-0601101')
    expect(boardText('张三丰的护照', ['张三丰'])).toBe('张*的护照')
  })

  it('when windows keep different hours, then the hall closes with the last of them; 延时服务 counts, closures do not', () => {
    const day = { periods: [{ start: '09:00', end: '17:30' }], extraPeriods: [], closed: false }
    expect(closingMinutes([day], true)).toBe(17 * 60 + 30)
    expect(closingMinutes([day, { ...day, extraPeriods: [{ start: '17:30', end: '19:00' }] }], true)).toBe(19 * 60)
    expect(closingMinutes([{ ...day, closed: true, extraPeriods: [{ start: '17:30', end: '20:00' }] }, day], true)).toBe(17 * 60 + 30)
    expect(closingMinutes([day], false)).toBeNull()
    expect(closingMinutes([{ ...day, extraPeriods: [{ start: '09:00', end: '12:00' }] }], false)).toBe(12 * 60)
  })
})
