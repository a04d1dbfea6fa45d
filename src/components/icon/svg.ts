import type { IconNode } from './icons'

/**
 * An icon as an SVG document with its stroke colour written in: WeChat's <image> draws the SVG
 * as a separate picture, so `currentColor` would not reach it from the page's CSS.
 * The attributes are Lucide's defaults (24×24 grid, 2 px round strokes).
 */
export function iconSvg(node: IconNode, color: string, size = 24): string {
  // A few shapes fill a dot with currentColor (key-round's): it gets the stroke's colour too.
  const attr = ([k, v]: [string, unknown]) => `${k}="${v === 'currentColor' ? color : String(v)}"`
  const body = node.map(([tag, attrs]) => `<${tag} ${Object.entries(attrs).map(attr).join(' ')}/>`).join('')
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 24 24" fill="none" ` +
    `stroke="${color}" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">${body}</svg>`
  )
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

/**
 * Base64 of an ASCII string (icon SVGs are ASCII). Written out because the weapp runtime has no
 * btoa; base64 rather than a percent-encoded data URI, which some WeChat versions' <image> do not decode.
 */
export function asciiBase64(s: string): string {
  let out = ''
  for (let i = 0; i < s.length; i += 3) {
    const [a, b, c] = [s.charCodeAt(i), s.charCodeAt(i + 1), s.charCodeAt(i + 2)]
    const n = (a << 16) | ((b || 0) << 8) | (c || 0)
    out +=
      B64[(n >> 18) & 63] + B64[(n >> 12) & 63] + (i + 1 < s.length ? B64[(n >> 6) & 63] : '=') + (i + 2 < s.length ? B64[n & 63] : '=')
  }
  return out
}
