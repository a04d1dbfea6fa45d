interface WindowRef {
  id: string
  name: string
  number: number
}

/** 1号窗口 出入境证件受理窗口 — the number first: it is what the hall signs show. */
export const windowLabel = (windows: WindowRef[] | undefined, windowId: string): string => {
  const w = windows?.find((x) => x.id === windowId)
  return w ? `${w.number}号窗口 ${w.name}` : '办理窗口'
}
