/**
 * Draws the tab bar's icons (src/assets/tab/*.png) from the app's Lucide icons, grey and in the
 * selected blue: WeChat's tabBar takes only local PNG/JPG files of at most 40 KB, 81×81 px advised,
 * no SVG (https://developers.weixin.qq.com/miniprogram/dev/reference/configuration/app.html#tabBar).
 * Run `npx tsx scripts/tab-icons.ts` after changing a tab's icon and commit the PNGs.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { crc32, deflateSync } from 'node:zlib'
import { Resvg } from '@resvg/resvg-js'
import { House, User } from 'lucide'
import { ICONS, type IconNode } from '../src/components/icon/icons'
import { iconSvg } from '../src/components/icon/svg'

const root = resolve(__dirname, '..')
export const TAB_ICON_DIR = join(root, 'src', 'assets', 'tab')
const SIZE = 81
/** The tabBar's `color` and `selectedColor` in src/app.config.ts. */
export const TAB_COLORS = { off: '#4e5969', on: '#0b57d0' } as const

/** The file stem of each tab's icon (`<stem>.png`, `<stem>-on.png`) and the icon it draws. */
export const TAB_ICONS: Record<string, IconNode> = { home: House, messages: ICONS.messages, mine: User }

/** Alpha levels kept: 16, so each pixel is a 4-bit palette index (the icon has one colour). */
const LEVELS = 16

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4)
  len.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([len, body, crc])
}

/**
 * A one-colour picture as a 4-bit palette PNG (colour type 3 with tRNS, PNG spec §11.2.2/§11.3.2):
 * about a third of resvg's 32-bit RGBA file, for the main package's budget.
 */
function palettePng(rgba: Buffer, width: number, height: number, color: string): Buffer {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(color.slice(i, i + 2), 16))
  const plte = Buffer.alloc(LEVELS * 3)
  const trns = Buffer.alloc(LEVELS)
  for (let i = 0; i < LEVELS; i++) {
    plte.set([r, g, b], i * 3)
    trns[i] = Math.round((i * 255) / (LEVELS - 1))
  }
  const stride = Math.ceil(width / 2)
  const raw = Buffer.alloc((stride + 1) * height)
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const level = Math.round((rgba[(y * width + x) * 4 + 3] * (LEVELS - 1)) / 255)
      raw[y * (stride + 1) + 1 + (x >> 1)] |= x % 2 === 0 ? level << 4 : level
    }
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr.set([4, 3, 0, 0, 0], 8)
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('PLTE', plte),
    chunk('tRNS', trns),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

/** One icon as an 81×81 PNG, with a little margin so the strokes are not cut at the edge. */
export function tabPng(node: IconNode, color: string): Buffer {
  const svg = iconSvg(node, color, SIZE).replace('viewBox="0 0 24 24"', 'viewBox="-1 -1 26 26"')
  const img = new Resvg(svg, { fitTo: { mode: 'width', value: SIZE } }).render()
  return palettePng(img.pixels, img.width, img.height, color)
}

if (require.main === module) {
  mkdirSync(TAB_ICON_DIR, { recursive: true })
  for (const [stem, node] of Object.entries(TAB_ICONS)) {
    for (const [file, color] of [
      [`${stem}.png`, TAB_COLORS.off],
      [`${stem}-on.png`, TAB_COLORS.on],
    ] as const) {
      const png = tabPng(node, color)
      writeFileSync(join(TAB_ICON_DIR, file), png)
      console.log(`${file.padEnd(16)} ${png.length} bytes`)
    }
  }
}
