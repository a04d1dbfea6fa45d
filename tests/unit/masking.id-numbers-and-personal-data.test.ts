import { log } from '../../cloudfunctions/_kit/log'
import { idNumberSchema } from '../../types/domain/booking'
import { idNumberCheckChar, isValidIdNumber } from '../../types/domain/id-number'
import {
  maskAddress,
  maskDelivery,
  maskFormValue,
  maskIdNumber,
  maskIdNumbersIn,
  maskName,
  maskPhone,
  maskText,
  redact,
} from '../../types/domain/masking'
import { scrubLogLine } from '../../cloudfunctions/_kit/log'

describe('GB 11643 ID number', () => {
  it.each(['11010519491231002X', '440524188001010014', '11010519491231002x', '142729199001011233'])(
    'when %s is checked, then it is valid',
    (id) => {
      expect(isValidIdNumber(id)).toBe(true)
    },
  )

  it.each([
    ['110105194912310021', 'wrong check character'],
    ['11010519491331002X', 'month 13'],
    ['11010519490230002X', 'February 30'],
    ['01010519491231002X', 'region starts with 0'],
    ['1101051949123100', 'too short'],
    ['11010530001231002X', 'born in the future'],
    ['A1010519491231002X', 'a letter'],
  ])('when %s is checked, then it is invalid (%s)', (id) => {
    expect(isValidIdNumber(id)).toBe(false)
  })

  it('when the check character is computed, then it follows the weights mod 11', () => {
    expect(idNumberCheckChar('11010519491231002')).toBe('X')
    expect(idNumberCheckChar('44052418800101001')).toBe('4')
  })
})

describe('masking personal data', () => {
  it.each([
    ['11010519491231002X', '110105********002X'],
    ['440524188001010014', '440524********0014'],
  ])('when ID %s is masked, then it shows %s', (id, masked) => expect(maskIdNumber(id)).toBe(masked))

  it.each([
    ['13812345678', '138****5678'],
    ['0359-6521234', '*******1234'],
  ])('when phone %s is masked, then it shows %s', (p, masked) => expect(maskPhone(p)).toBe(masked))

  it.each([
    ['张伟', '张*'],
    ['王小明', '王**'],
    ['欧阳娜娜', '欧阳**'],
    ['李', '*'],
  ])('when name %s is masked, then it shows %s', (n, masked) => expect(maskName(n)).toBe(masked))

  it('when free text contains an ID number and a phone number, then both are masked', () => {
    expect(redact('申请人11010519491231002X 电话13812345678 已提交')).toBe('申请人110105********002X 电话138****5678 已提交')
  })

  it.each([
    ['a mobile with +86 and dashes', '电话+86 139-1234-5678', '电话139****5678'],
    ['a mobile with +86, no space', '+8613912345678', '139****5678'],
    ['a mobile in groups of 3-4-4', '139 1234 5678', '139****5678'],
    ['a mobile with dashes', '139-1234-5678。', '139****5678。'],
    ['an old 15-digit ID number', '旧证号110101800101123', '旧证号110101*****1123'],
    ['an ID number in groups', '证件 110101 19800101 1234', '证件 110101********1234'],
    ['an ID number ending in x', '11010519491231002x', '110105********002x'],
    ['a landline', '家里0359-6521234', '家里*******1234'],
    ['a cut-off ID number (17 digits)', '11010519491231002', '*************1002'],
    ['a known name', '张伟的护照', '张*的护照'],
  ])('when free text has %s, then it is masked', (_what, input, output) => {
    expect(redact(input, { names: ['张伟'] })).toBe(output)
  })

  it.each([['办理时限为7个工作日'], ['请到一楼A区12号窗口'], ['办件编号ZW7K3M9PQRSTUV2A'], ['2026-09-28 09:30']])(
    'when free text has no personal data (%s), then it is unchanged',
    (input) => {
      expect(redact(input)).toBe(input)
    },
  )

  it('when a public office number is to be kept, then only that landline stays', () => {
    expect(redact('请致电0359-6521234或0359-7777777', { keepNumbers: ['0359-6521234'] })).toBe('请致电0359-6521234或*******7777')
  })

  it.each([
    ['a +86 dashed mobile', 'send failed for +86 139-1234-5678', '139****5678', '1234-5678'],
    ['a spaced mobile', 'touser 139 1234 5678 refused', '139****5678', '1234 5678'],
    ['a 15-digit ID number', 'duplicate key idNumber 110101800101123', '110101*****1123', '800101'],
    ['a name under a key', 'E11000 dup key: { name: "张伟", phone: "13912345678" }', 'name: "张*"', '张伟'],
    ['a JSON name', '{"recipient":"李娜","address":"x"}', '"recipient":"李*"', '李娜'],
    ['a name by cue', 'question 我叫王小明，想问护照', '王**', '王小明'],
  ])('when a log line has %s, then the log keeps it masked', (_what, line, masked, gone) => {
    const out = scrubLogLine(line)
    expect(out).toContain(masked)
    expect(out).not.toContain(gone)
  })

  it('when a logged error message is long, then it is scrubbed before it is cut, so no half number is left', () => {
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined)
    try {
      // The ID number straddles the 300th character of the message.
      log.error('probe', new Error(`${'x'.repeat(290)}11010519491231002X`))
      const line = String(spy.mock.calls[0][0])
      expect(line).not.toMatch(/\d{7,}/)
      expect(line).not.toContain('19491231')
    } finally {
      spy.mockRestore()
    }
  })
})

describe('masked views of a case', () => {
  it.each([
    ['select', '换发', '换发'],
    ['number', 120, 120],
    ['idNumber', '11010519491231002X', '110105********002X'],
    ['phone', '13900000001', '139****0001'],
    ['date', '2019-05-01', '2019-**-**'],
    ['text', '张建国', '张**'],
    ['textarea', '农产品种植、销售及技术服务', '农********'],
    [undefined, 'anything', '***'],
  ] as const)('when a %s field is masked, then it shows %s', (type, value, masked) => {
    expect(maskFormValue(type ? { type } : undefined, value)).toBe(masked)
  })

  it('when text, an address and a delivery are masked, then only the first characters stay', () => {
    expect(maskText('日本')).toBe('日*')
    expect(maskAddress('山西省运城市绛县古绛镇1号')).toBe('山西省运城市****')
    expect(maskDelivery({ method: 'mail', recipient: '张伟', phone: '13912345678', address: '山西省运城市绛县古绛镇1号' })).toEqual({
      method: 'mail',
      recipient: '张*',
      phone: '139****5678',
      address: '山西省运城市****',
    })
    expect(maskDelivery({ method: 'pickup' })).toEqual({ method: 'pickup' })
  })
})

describe('a staff reply as its asker reads it', () => {
  it('when a reply quotes a phone number and an ID number, then only the ID number is masked', () => {
    expect(maskIdNumbersIn('请带11010519491231002X的身份证，或拨打138 0000 1111')).toBe(
      '请带110105********002X的身份证，或拨打138 0000 1111',
    )
  })
})

describe('the ID number field says what is wrong', () => {
  const body = '11010119900307803'
  const check = idNumberCheckChar(body)
  const wrongCheck = check === '1' ? '2' : '1'
  it.each([
    ['', '请填写身份证号码'],
    ['   ', '请填写身份证号码'],
    [`${body}${wrongCheck}`, '身份证号码不正确，请核对'],
    ['12345', '身份证号码不正确，请核对'],
  ])('when it holds %j, then the message is 「%s」', (value, message) => {
    const r = idNumberSchema.safeParse(value)
    expect(r.success).toBe(false)
    expect(r.error?.issues.map((i) => i.message)).toEqual([message])
  })

  it('when a valid number is typed in lower case with spaces around, then it is accepted upper-cased', () => {
    expect(idNumberSchema.parse(` ${body}${check.toLowerCase()} `)).toBe(`${body}${check}`)
  })
})
