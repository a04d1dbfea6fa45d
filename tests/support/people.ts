import { idNumberCheckChar } from '../../types/domain/id-number'

/** A valid, clearly fictional ID number per sequence number (region 110101, born in the 1980s). */
export function idNumberFor(seq: number): string {
  const birth = `198${seq % 10}0${1 + (Math.floor(seq / 10) % 9)}${String(10 + (Math.floor(seq / 90) % 18)).padStart(2, '0')}`
  const first17 = `110101${birth}${String(seq % 1000).padStart(3, '0')}`
  return first17 + idNumberCheckChar(first17)
}

export const applicant = (seq: number, overrides: Partial<{ name: string; idNumber: string; phone: string }> = {}) => ({
  name: '测试群众',
  idNumber: idNumberFor(seq),
  phone: `139${String(10_000_000 + seq).slice(-8)}`,
  ...overrides,
})

let requests = 0
export const newRequestId = () => `req-${process.pid}-${Date.now().toString(36)}-${(requests++).toString(36)}`
