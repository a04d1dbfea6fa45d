/**
 * A small QR Code encoder (ISO/IEC 18004): byte mode, error correction level M, versions 1–6
 * (up to 106 bytes) — enough for a booking code, without a canvas (the matrix is drawn with
 * Views) and without a dependency. Follows the structure of Nayuki's reference implementation
 * (nayuki/QR-Code-generator, MIT). Level M tolerates about 15 % damage: a scratched phone screen.
 */

import { codewordsOf } from './qr-codewords'

const FORMAT_BITS_M = 0 // level M is 00 in the format information
const PENALTY = { N1: 3, N2: 3, N3: 40, N4: 10 }

export type QrMatrix = boolean[][]

const MASKS: ((x: number, y: number) => boolean)[] = [
  (x, y) => (x + y) % 2 === 0,
  (_x, y) => y % 2 === 0,
  (x) => x % 3 === 0,
  (x, y) => (x + y) % 3 === 0,
  (x, y) => (Math.floor(x / 3) + Math.floor(y / 2)) % 2 === 0,
  (x, y) => ((x * y) % 2) + ((x * y) % 3) === 0,
  (x, y) => (((x * y) % 2) + ((x * y) % 3)) % 2 === 0,
  (x, y) => (((x + y) % 2) + ((x * y) % 3)) % 2 === 0,
]

class Grid {
  readonly size: number
  readonly dark: boolean[][]
  readonly fixed: boolean[][]
  constructor(readonly version: number) {
    this.size = version * 4 + 17
    this.dark = Array.from({ length: this.size }, () => new Array<boolean>(this.size).fill(false))
    this.fixed = Array.from({ length: this.size }, () => new Array<boolean>(this.size).fill(false))
    this.drawFunctionPatterns()
  }

  set(x: number, y: number, dark: boolean) {
    this.dark[y][x] = dark
    this.fixed[y][x] = true
  }

  private drawFunctionPatterns() {
    const n = this.size
    for (let i = 0; i < n; i++) {
      this.set(6, i, i % 2 === 0)
      this.set(i, 6, i % 2 === 0)
    }
    for (const [cx, cy] of [
      [3, 3],
      [n - 4, 3],
      [3, n - 4],
    ]) {
      for (let dy = -4; dy <= 4; dy++) {
        for (let dx = -4; dx <= 4; dx++) {
          const d = Math.max(Math.abs(dx), Math.abs(dy))
          const x = cx + dx
          const y = cy + dy
          if (x >= 0 && x < n && y >= 0 && y < n) this.set(x, y, d !== 2 && d !== 4)
        }
      }
    }
    if (this.version > 1) {
      // Versions 2–6 have one alignment pattern, centred 7 modules from the bottom-right corner.
      const c = n - 7
      for (let dy = -2; dy <= 2; dy++) for (let dx = -2; dx <= 2; dx++) this.set(c + dx, c + dy, Math.max(Math.abs(dx), Math.abs(dy)) !== 1)
    }
    this.drawFormatBits(0) // reserves the format areas; redrawn with the chosen mask
  }

  drawFormatBits(mask: number) {
    const data = (FORMAT_BITS_M << 3) | mask
    let rem = data
    for (let i = 0; i < 10; i++) rem = (rem << 1) ^ ((rem >>> 9) * 0x537)
    const bits = ((data << 10) | rem) ^ 0x5412
    const bit = (i: number) => ((bits >>> i) & 1) === 1
    const n = this.size
    for (let i = 0; i <= 5; i++) this.set(8, i, bit(i))
    this.set(8, 7, bit(6))
    this.set(8, 8, bit(7))
    this.set(7, 8, bit(8))
    for (let i = 9; i < 15; i++) this.set(14 - i, 8, bit(i))
    for (let i = 0; i < 8; i++) this.set(n - 1 - i, 8, bit(i))
    for (let i = 8; i < 15; i++) this.set(8, n - 15 + i, bit(i))
    this.set(8, n - 8, true) // the dark module
  }

  drawCodewords(codewords: number[]) {
    const n = this.size
    let i = 0
    for (let right = n - 1; right >= 1; right -= 2) {
      if (right === 6) right = 5 // skip the vertical timing column
      for (let vert = 0; vert < n; vert++) {
        for (let j = 0; j < 2; j++) {
          const x = right - j
          const y = ((right + 1) & 2) === 0 ? n - 1 - vert : vert
          if (!this.fixed[y][x] && i < codewords.length * 8) {
            this.dark[y][x] = ((codewords[i >>> 3] >>> (7 - (i & 7))) & 1) === 1
            i++
          }
        }
      }
    }
  }

  applyMask(mask: number) {
    for (let y = 0; y < this.size; y++)
      for (let x = 0; x < this.size; x++) if (!this.fixed[y][x] && MASKS[mask](x, y)) this.dark[y][x] = !this.dark[y][x]
  }

  /** The standard's penalty (rules N1–N4): lower reads more reliably. */
  penalty(): number {
    const n = this.size
    const m = this.dark
    let score = 0
    const lines = [...m, ...m[0].map((_, x) => m.map((row) => row[x]))]
    for (const line of lines) {
      for (let i = 0, run = 1; i < n; i++, run++) {
        if (i === n - 1 || line[i] !== line[i + 1]) {
          if (run >= 5) score += PENALTY.N1 + run - 5
          run = 0
        }
      }
      // 1:1:3:1:1 finder-like runs with four light modules on either side.
      const s = line.map((d) => (d ? '1' : '0')).join('')
      for (const p of ['10111010000', '00001011101']) for (let k = s.indexOf(p); k >= 0; k = s.indexOf(p, k + 1)) score += PENALTY.N3
    }
    for (let y = 0; y < n - 1; y++)
      for (let x = 0; x < n - 1; x++)
        if (m[y][x] === m[y][x + 1] && m[y][x] === m[y + 1][x] && m[y][x] === m[y + 1][x + 1]) score += PENALTY.N2
    const darkCount = m.reduce((a, row) => a + row.filter(Boolean).length, 0)
    // N4: 10 points for each full 5 % step the dark share is away from 50 %.
    score += (Math.ceil(Math.abs(darkCount * 20 - n * n * 10) / (n * n)) - 1) * PENALTY.N4
    return score
  }
}

/** The module matrix (true = dark) of `text`, with the lowest-penalty mask unless one is forced. */
export function qrMatrix(text: string, opts: { mask?: number; minVersion?: number } = {}): QrMatrix {
  const { version, codewords } = codewordsOf(text, opts.minVersion)
  const masks = opts.mask === undefined ? [0, 1, 2, 3, 4, 5, 6, 7] : [opts.mask]
  let best: { grid: Grid; score: number } | undefined
  for (const mask of masks) {
    const grid = new Grid(version)
    grid.drawCodewords(codewords)
    grid.applyMask(mask)
    grid.drawFormatBits(mask)
    const score = masks.length > 1 ? grid.penalty() : 0
    if (!best || score < best.score) best = { grid, score }
  }
  return best!.grid.dark
}

/** Each row as runs of equal modules, so a row renders with a few Views instead of one per module. */
export function qrRuns(matrix: QrMatrix): { dark: boolean; length: number }[][] {
  return matrix.map((row) => {
    const runs: { dark: boolean; length: number }[] = []
    for (const d of row) {
      const last = runs[runs.length - 1]
      if (last && last.dark === d) last.length++
      else runs.push({ dark: d, length: 1 })
    }
    return runs
  })
}
