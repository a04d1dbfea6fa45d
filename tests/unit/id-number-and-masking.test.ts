import { idNumberCheckChar, isValidIdNumber } from '../../types/domain/id-number'
import { maskIdNumber, maskName, maskPhone, redact } from '../../types/domain/masking'

describe('GB 11643 ID number', () => {
  it.each(['11010519491231002X', '440524188001010014', '11010519491231002x', '142729199001011233'])('when %s is checked, then it is valid', (id) => {
    expect(isValidIdNumber(id)).toBe(true)
  })

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
})
