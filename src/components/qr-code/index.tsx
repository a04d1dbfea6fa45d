import { View } from '@tarojs/components'
import { useMemo } from 'react'
import { qrMatrix, qrRuns } from '../../utils/qr'
import './index.scss'

export interface QrCodeProps {
  value: string
  /** Side of one module in CSS px (whole pixels keep the edges crisp). */
  module?: number
}

const QUIET_ZONE = 4 // modules of white margin the standard asks for

/**
 * A QR code drawn with Views (no canvas: canvas needs a native layer in the mini-program and
 * draws asynchronously). Inline sizes are real px, not rpx, so every module is a whole number of
 * pixels: fractional modules blur into grey seams that scanners misread.
 */
export function QrCode({ value, module = 7 }: QrCodeProps) {
  const rows = useMemo(() => qrRuns(qrMatrix(value)), [value])
  const side = (rows.length + QUIET_ZONE * 2) * module
  return (
    <View
      className="qr-code"
      style={{ width: `${side}px`, height: `${side}px`, padding: `${QUIET_ZONE * module}px` }}
      ariaLabel={`二维码：${value}`}
    >
      {rows.map((runs, y) => (
        <View key={y} className="qr-code__row" style={{ height: `${module}px` }}>
          {runs.map((r, i) => (
            <View key={i} className={r.dark ? 'qr-code__dark' : 'qr-code__light'} style={{ width: `${r.length * module}px` }} />
          ))}
        </View>
      ))}
    </View>
  )
}
