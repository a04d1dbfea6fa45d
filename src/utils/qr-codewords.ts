/**
 * The codewords of a QR Code (ISO/IEC 18004), byte mode at error correction level M: the text as
 * UTF-8 in the smallest version 1–6 that holds it, then Reed–Solomon error correction, laid out as
 * the standard interleaves the blocks. qr.ts places them in the module grid.
 */

/** Per version 1..6 at level M: total codewords, error-correction codewords per block, blocks. */
const VERSIONS: [total: number, ecPerBlock: number, blocks: number][] = [
  [26, 10, 1],
  [44, 16, 1],
  [70, 26, 1],
  [100, 18, 2],
  [134, 24, 2],
  [172, 16, 4],
]

function utf8(text: string): number[] {
  const out: number[] = []
  for (const ch of text) {
    const c = ch.codePointAt(0)!
    if (c < 0x80) out.push(c)
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63))
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63))
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63))
  }
  return out
}

// GF(256) with the QR polynomial x^8 + x^4 + x^3 + x^2 + 1.
function gfMul(x: number, y: number): number {
  let z = 0
  for (let i = 7; i >= 0; i--) {
    z = (z << 1) ^ ((z >>> 7) * 0x11d)
    z ^= ((y >>> i) & 1) * x
  }
  return z
}

function rsDivisor(degree: number): number[] {
  const result = new Array<number>(degree).fill(0)
  result[degree - 1] = 1
  let root = 1
  for (let i = 0; i < degree; i++) {
    for (let j = 0; j < result.length; j++) {
      result[j] = gfMul(result[j], root)
      if (j + 1 < result.length) result[j] ^= result[j + 1]
    }
    root = gfMul(root, 0x02)
  }
  return result
}

function rsRemainder(data: number[], divisor: number[]): number[] {
  const result = divisor.map(() => 0)
  for (const b of data) {
    const factor = b ^ (result.shift() as number)
    result.push(0)
    divisor.forEach((coef, i) => (result[i] ^= gfMul(coef, factor)))
  }
  return result
}

/** Data codewords for `bytes` in the smallest version that holds them. */
function dataCodewords(bytes: number[], minVersion: number): { version: number; data: number[] } {
  for (let v = minVersion; v <= VERSIONS.length; v++) {
    const [total, ec, blocks] = VERSIONS[v - 1]
    const capacityBits = (total - ec * blocks) * 8
    if (4 + 8 + bytes.length * 8 > capacityBits) continue
    const bits: number[] = []
    const put = (value: number, len: number) => {
      for (let i = len - 1; i >= 0; i--) bits.push((value >>> i) & 1)
    }
    put(0b0100, 4) // byte mode
    put(bytes.length, 8) // character count: 8 bits in versions 1–9
    bytes.forEach((b) => put(b, 8))
    put(0, Math.min(4, capacityBits - bits.length)) // terminator
    put(0, (8 - (bits.length % 8)) % 8)
    for (let pad = 0xec; bits.length < capacityBits; pad ^= 0xec ^ 0x11) put(pad, 8)
    const data: number[] = []
    for (let i = 0; i < bits.length; i += 8) data.push(bits.slice(i, i + 8).reduce((a, b) => (a << 1) | b, 0))
    return { version: v, data }
  }
  throw new RangeError(`二维码内容过长（最多 ${VERSIONS[VERSIONS.length - 1][0] - 64} 字节）`)
}

/** Splits into blocks, adds Reed–Solomon codewords and interleaves, as the standard lays them out. */
function withErrorCorrection(data: number[], version: number): number[] {
  const [total, ec, numBlocks] = VERSIONS[version - 1]
  const shortBlocks = numBlocks - (total % numBlocks)
  const shortLen = Math.floor(total / numBlocks) - ec
  const divisor = rsDivisor(ec)
  const blocks: { data: number[]; ecc: number[] }[] = []
  for (let i = 0, k = 0; i < numBlocks; i++) {
    const len = shortLen + (i < shortBlocks ? 0 : 1)
    const d = data.slice(k, k + len)
    k += len
    blocks.push({ data: d, ecc: rsRemainder(d, divisor) })
  }
  const out: number[] = []
  for (let i = 0; i <= shortLen; i++) blocks.forEach((b) => i < b.data.length && out.push(b.data[i]))
  for (let i = 0; i < ec; i++) blocks.forEach((b) => out.push(b.ecc[i]))
  return out
}

/** The codewords of `text` (its data, then the error correction, interleaved) and the version they fill. */
export function codewordsOf(text: string, minVersion = 1): { version: number; codewords: number[] } {
  const { version, data } = dataCodewords(utf8(text), minVersion)
  return { version, codewords: withErrorCorrection(data, version) }
}
