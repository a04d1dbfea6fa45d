import type { CaseView } from '../../../../types/contracts/case'
import type { CaseAction } from '../../../../types/domain/case-machine'

/** What every transition's panel gets: the case, the transition, and where to go after it or instead. */
export interface PanelProps {
  c: CaseView
  action: CaseAction
  onDone: () => void
  onCancel: () => void
}
