/**
 * The QR encoder behind the booking code's QR image (src/utils/qr.ts). The golden matrices were made by
 * an independent encoder, the npm package `qrcode` 1.5.4 (byte mode, level M), and each was read
 * back by the decoder `jsqr` 1.4.0 before being pinned here. The mask is the reference's choice,
 * forced: which of the eight masks scores best is an encoder's own judgement (qrcode rounds the
 * dark-share rule N4 differently from ISO/IEC 18004), while every mask gives a valid code.
 */
import { qrMatrix, qrRuns } from '../../src/utils/qr'

const GOLDEN: { why: string; text: string; mask: number; rows: string[] }[] = [
  {
    why: 'booking code, version 1',
    mask: 2,
    text: 'AB3DEFGH',
    rows: [
      '1fcf7f',
      '104041',
      '17535d',
      '175f5d',
      '175f5d',
      '105541',
      '1fd57f',
      '001f00',
      '17c97c',
      '038564',
      '09d602',
      '071416',
      '017a08',
      '001fe4',
      '1fc94a',
      '1057fc',
      '175905',
      '17512c',
      '175a84',
      '10440c',
      '1fd286',
    ],
  },
  {
    why: 'UTF-8, version 2',
    mask: 4,
    text: '预约码 ABCD2345',
    rows: [
      '1fd7a7f',
      '1042841',
      '174e65d',
      '175525d',
      '175c65d',
      '1052141',
      '1fd557f',
      '001f900',
      '117a9f9',
      '1101e39',
      '1fea3af',
      '15bc583',
      '00c4df5',
      '1e19268',
      '00f3f83',
      '0592a08',
      '1b519fc',
      '0010d14',
      '1fdc359',
      '104551b',
      '1756df5',
      '174d3eb',
      '1747f9a',
      '1042bb2',
      '1fd1a17',
    ],
  },
  {
    why: 'version 4, two blocks',
    mask: 0,
    text: 'x'.repeat(60),
    rows: [
      '1fc4aaa7f',
      '10546aa41',
      '174ad555d',
      '1747c555d',
      '175fdaa5d',
      '1045aaa41',
      '1fd55557f',
      '000baaa00',
      '154eaaa12',
      '1a0fd554d',
      '14ff55517',
      '0b13eaab2',
      '186b6aae8',
      '168ed554d',
      '1bd6d5517',
      '0624aaab2',
      '11d8aaae8',
      '0c365554d',
      '1a7495517',
      '07806aab2',
      '136ceaae8',
      '03ba9554d',
      '10c855517',
      '0d146aab2',
      '1161aabfa',
      '00189551d',
      '1fc255757',
      '1043aa912',
      '175f6a9f8',
      '17465561d',
      '1755954b5',
      '10416a9e2',
      '1fd92ab4b',
    ],
  },
  {
    why: 'version 6, four blocks',
    mask: 0,
    text: 'y'.repeat(100),
    rows: [
      '1fc192aaa7f',
      '10567bbbb41',
      '174af11115d',
      '1745995555d',
      '1751daaaa5d',
      '10423bbbb41',
      '1fd5555557f',
      '00054eeee00',
      '15426aaaa12',
      '1701455554d',
      '04d9844443f',
      '0700feeee30',
      '0a6a8baaae8',
      '0783575554d',
      '0dda974443f',
      '0e00ddeee30',
      '10eabaaaae8',
      '1429d55554d',
      '11f4184443f',
      '038a32eee30',
      '1dfc326aae8',
      '1425d11554d',
      '17f8144443f',
      '0582beeee32',
      '19e1faaaaeb',
      '0134955554d',
      '1b74444443f',
      '0c2c4eeee30',
      '194d6aaaae8',
      '0034e65554d',
      '1276644443f',
      '0c2f7eeee30',
      '13cc48aabf8',
      '00145d5551d',
      '1fc0a48475f',
      '1045fe2ed10',
      '1758262a9f8',
      '174c5d1541f',
      '175468444bf',
      '104132eedc2',
      '1fd522aabcb',
    ],
  },
]

const hexRows = (m: boolean[][]) =>
  m.map((row) =>
    BigInt(`0b${row.map((d) => (d ? '1' : '0')).join('')}`)
      .toString(16)
      .padStart(Math.ceil(row.length / 4), '0'),
  )

/** The 15 format bits around the top-left finder, read the way a scanner reads them. */
function formatBits(m: boolean[][]): number {
  const bits: boolean[] = []
  for (let i = 0; i <= 5; i++) bits.push(m[i][8])
  bits.push(m[7][8], m[8][8], m[8][7])
  for (let i = 9; i < 15; i++) bits.push(m[8][14 - i])
  return bits.reduce((a, b, i) => a | (Number(b) << i), 0) ^ 0x5412
}

describe('QR code for the booking code', () => {
  it.each(GOLDEN.map((g) => [g.why, g]))(
    "when encoding %s with the same mask, then the matrix equals the reference encoder's, module for module",
    (_why, g) => {
      expect(hexRows(qrMatrix(g.text, { mask: g.mask }))).toEqual(g.rows)
    },
  )

  it('when no mask is forced, then the lowest-penalty mask is used and named in the format bits', () => {
    for (const g of GOLDEN) {
      const m = qrMatrix(g.text)
      const mask = (formatBits(m) >> 10) & 7
      expect(m).toEqual(qrMatrix(g.text, { mask }))
    }
  })

  it('when any booking code is encoded, then it fits version 1 with finder patterns, timing lines and level M format bits', () => {
    for (const code of ['AB3DEFGH', 'ZZZZ2222', '23456789', 'MZFZ5YYU']) {
      const m = qrMatrix(code)
      expect(m).toHaveLength(21)
      for (const [x0, y0] of [
        [0, 0],
        [14, 0],
        [0, 14],
      ]) {
        const ring = [0, 1, 2, 3, 4, 5, 6].map((i) => m[y0][x0 + i])
        expect(ring).toEqual([true, true, true, true, true, true, true])
        expect(m[y0 + 3].slice(x0, x0 + 7)).toEqual([true, false, true, true, true, false, true])
      }
      expect(m[6].slice(8, 13)).toEqual([true, false, true, false, true])
      expect(m[13][8]).toBe(true) // the dark module
      const format = formatBits(m)
      expect(format >> 13).toBe(0) // error correction level M
      expect(format >> 10).toBeLessThan(8) // a mask number 0-7
    }
  })

  it('when a text is longer than version 6 holds, then it is refused rather than cut', () => {
    expect(() => qrMatrix('z'.repeat(107))).toThrow(RangeError)
    expect(qrMatrix('z'.repeat(106))).toHaveLength(41)
  })

  it('when rows are turned into runs, then the runs add up to the row and alternate colours', () => {
    const m = qrMatrix('AB3DEFGH')
    for (const [y, runs] of qrRuns(m).entries()) {
      expect(runs.reduce((n, r) => n + r.length, 0)).toBe(21)
      runs.slice(1).forEach((r, i) => expect(r.dark).not.toBe(runs[i].dark))
      expect(runs.flatMap((r) => Array(r.length).fill(r.dark))).toEqual(m[y])
    }
  })
})
