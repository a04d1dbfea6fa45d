import { z } from '../zod'
import { idSchema, type ServiceWindow } from './catalog'

/**
 * Where a citizen collects a case's result (出件). The centre names its unified hand-out window
 * (统一窗口出件) in the `settings` document `case_policy`. Without it, the hand-out window is the
 * catalogue's window whose name says it hands results out (统一出件窗口, 综合出件窗口: 出件 in the
 * name; the first in hall order if several), and in a hall without one the first window of the
 * case's matter, where the application is handled.
 */
export const casePolicySchema = z.object({
  /** The unified hand-out window: a window id of the catalogue. */
  pickupWindowId: idSchema.optional(),
})
export type CasePolicy = z.infer<typeof casePolicySchema>
export const DEFAULT_CASE_POLICY: CasePolicy = {}

const HANDS_OUT = /出件/

/** The hand-out window when the policy names none (above): a window id. */
export function defaultPickupWindowId(windows: Iterable<ServiceWindow>, matterWindowIds: readonly string[]): string | undefined {
  const handOut = [...windows].filter((w) => HANDS_OUT.test(w.name)).sort((a, b) => a.number - b.number)[0]
  return handOut?.id ?? matterWindowIds[0]
}
