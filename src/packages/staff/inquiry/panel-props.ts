import type { InquiryView } from '../../../../types/contracts/inquiry'

/** The ownership actions (and the FAQ) that open a panel, in the order their buttons are shown. */
export const PANELS = ['transfer', 'reassign', 'close', 'publishFaq'] as const
export type Panel = (typeof PANELS)[number]
export const PANEL_LABELS: Record<Panel, string> = { transfer: '转交', reassign: '改派', close: '结束咨询', publishFaq: '发布到常见问题' }

export type Departments = { id: string; name: string }[]

export interface PanelProps {
  q: InquiryView
  departments: Departments
  /** `left`: the inquiry went to another department and is no longer this department's to show. */
  onDone: (left?: boolean) => void
  onCancel: () => void
}
