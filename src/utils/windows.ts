import { windowNumberLabel } from '../../types/domain/catalog'

interface WindowRef {
  id: string
  name: string
  number: number
}

/** 1号窗口 出入境证件受理窗口 — the number first: it is what the hall signs show. */
export const windowName = (w: Pick<WindowRef, 'number' | 'name'>): string => `${windowNumberLabel(w.number)} ${w.name}`

/** The name of a window among `windows`, or 办理窗口 while they are not known. */
export const windowLabel = (windows: WindowRef[] | undefined, windowId: string): string => {
  const w = windows?.find((x) => x.id === windowId)
  return w ? windowName(w) : '办理窗口'
}
