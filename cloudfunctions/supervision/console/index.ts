import type { Job } from '../../_kit/schedule'

/** The supervision function's console part: its action implementations and its timer jobs (one `tick` trigger runs them all). */
export const impls = {}
export const jobs: Record<string, Job> = {}
