import { Canvas as F2Canvas, jsx } from '@antv/f2'
import { Canvas } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useRef } from 'react'
import { useLargeText } from '../../hooks/useLargeText'

/**
 * A chart drawn by @antv/f2 on a 2D canvas. On weapp the canvas node comes from SelectorQuery, as
 * WeChat's canvas 2D interface gives it (`<canvas type="2d">`, `fields({ node: true })`); on h5
 * a plain <canvas> element, because Taro's h5 canvas component resets its inner canvas's size
 * attributes when it re-renders, which wipes what F2 drew. The options are those F2's own WeChat
 * component passes (github.com/antvis/F2, packages/wx: context, width, height, pixelRatio). F2
 * lives in this subpackage only, so the main package does not grow.
 */
export type ChartElement = ReturnType<typeof jsx>

interface CanvasNode {
  width: number
  height: number
  getContext(type: '2d'): CanvasRenderingContext2D | null
}

interface Props {
  /** Unique on the page: the canvas is found by it. */
  id: string
  /** Height in CSS pixels; the width is the card's. */
  height: number
  /** The F2 tree to draw (Chart, Axis, Line …); redrawn when `data` changes. */
  build: (width: number) => ChartElement
  /** What the chart shows, said in words for screen readers and tests. */
  label: string
  data: unknown
}

/**
 * F2's theme sizes are written for a 750-wide design and its default scale reads the page's root
 * font size, which Taro's h5 sets small: scale them ourselves, so axis labels read at 12 px, and at
 * 16 px in 大字模式.
 */
const px2hdOf = (large: boolean) => (px: number) => px * (large ? 0.8 : 0.6)

const pixelRatio = () => {
  try {
    return Taro.getSystemInfoSync().pixelRatio || 2
  } catch {
    return 2
  }
}

/** The canvas node and its CSS width, once it is laid out. */
function findCanvas(id: string): Promise<{ node: CanvasNode; width: number } | undefined> {
  if (process.env.TARO_ENV === 'h5') {
    const el = document.getElementById(id) as HTMLCanvasElement | null
    const width = el?.getBoundingClientRect().width ?? 0
    return Promise.resolve(el && width ? { node: el, width } : undefined)
  }
  return new Promise((resolve) =>
    Taro.createSelectorQuery()
      .select(`#${id}`)
      .fields({ node: true, size: true })
      .exec((res: Array<{ node?: CanvasNode; width?: number } | null>) => {
        const hit = res?.[0]
        resolve(hit?.node && hit.width ? { node: hit.node, width: hit.width } : undefined)
      }),
  )
}

export function F2Chart({ id, height, build, label, data }: Props) {
  const { large } = useLargeText()
  // Larger labels need more room: 大字模式 makes the chart taller, not its bars thinner.
  const h = large ? Math.round(height * 1.3) : height
  const chart = useRef<F2Canvas | null>(null)
  const buildRef = useRef(build)
  useEffect(() => {
    buildRef.current = build
  })
  useEffect(() => {
    let cancelled = false
    Taro.nextTick(async () => {
      const found = await findCanvas(id)
      const context = found?.node.getContext('2d')
      if (cancelled || !found || !context) return
      const ratio = pixelRatio()
      found.node.width = found.width * ratio
      found.node.height = h * ratio
      chart.current?.destroy()
      const canvas = new F2Canvas({
        context,
        pixelRatio: ratio,
        width: found.width,
        height: h,
        animate: false,
        px2hd: px2hdOf(large),
        children: buildRef.current(found.width),
      })
      chart.current = canvas
      canvas.render().catch((e: unknown) => console.error('chart', id, e))
    })
    return () => {
      cancelled = true
    }
  }, [id, h, data, large])
  useEffect(
    () => () => {
      chart.current?.destroy()
      chart.current = null
    },
    [],
  )
  const style = { display: 'block', width: '100%', height: `${h}px` }
  if (process.env.TARO_ENV === 'h5') return <canvas id={id} className="f2-chart" style={style} aria-label={label} role="img" />
  return <Canvas type="2d" id={id} canvasId={id} className="f2-chart" style={style} aria-label={label} />
}
