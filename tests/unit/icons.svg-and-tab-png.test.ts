/**
 * The icon set's two outputs: the SVG data the app bakes into each <image> (its base64 written
 * out by hand, as the weapp runtime has no btoa), and the tab bar PNGs committed under
 * src/assets/tab, which must be what scripts/tab-icons.ts draws from the current icons.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { inflateSync } from 'node:zlib'
import { ICONS } from '../../src/components/icon/icons'
import { STAFF_ICONS } from '../../src/components/icon/staff-icons'
import { asciiBase64, iconSvg } from '../../src/components/icon/svg'
import { TAB_COLORS, TAB_ICON_DIR, TAB_ICONS, tabPng } from '../../scripts/tab-icons'

/** A PNG's chunks by type, IDAT inflated: what the picture is, whatever zlib version compressed it. */
function pngContent(png: Buffer): Record<string, string> {
  const out: Record<string, string> = {}
  for (let at = 8; at < png.length;) {
    const len = png.readUInt32BE(at)
    const type = png.toString('ascii', at + 4, at + 8)
    const data = png.subarray(at + 8, at + 8 + len)
    out[type] = (type === 'IDAT' ? inflateSync(data) : data).toString('hex')
    at += 12 + len
  }
  return out
}

describe('icons', () => {
  it('when a string of any length is encoded, then it is the standard base64 of it', () => {
    for (const s of ['', 'a', 'ab', 'abc', 'abcd', iconSvg(ICONS.guide, '#0b57d0')])
      expect(asciiBase64(s)).toBe(Buffer.from(s, 'ascii').toString('base64'))
  })

  it('when an icon is baked, then its stroke colour is written in and no currentColor is left', () => {
    for (const node of [...Object.values(ICONS), ...Object.values(STAFF_ICONS)]) {
      const svg = iconSvg(node, '#ffffff')
      expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" [^>]*stroke="#ffffff"/)
      expect(svg).not.toContain('currentColor')
      expect(/^[\x20-\x7e]*$/.test(svg)).toBe(true)
    }
  })

  it('when the tab icons are drawn again, then they are the committed PNGs, each within WeChat’s 40 KB', () => {
    for (const [stem, node] of Object.entries(TAB_ICONS)) {
      for (const [file, color] of [
        [`${stem}.png`, TAB_COLORS.off],
        [`${stem}-on.png`, TAB_COLORS.on],
      ] as const) {
        const committed = readFileSync(join(TAB_ICON_DIR, file))
        expect(pngContent(committed)).toEqual(pngContent(tabPng(node, color)))
        expect(committed.length).toBeLessThan(40 * 1024)
        // 81×81 (IHDR width and height).
        expect([committed.readUInt32BE(16), committed.readUInt32BE(20)]).toEqual([81, 81])
      }
    }
  })
})
