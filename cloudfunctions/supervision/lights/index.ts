import type { Job } from '../../_kit/schedule'
import { appealViolation, caseLight, decideAppeal, lightList, violationList } from './actions'
import { relight } from './job'

/** The supervision function's lights part: its action implementations and its timer jobs (one `tick` trigger runs them all). */
export const impls = { lightList, violationList, caseLight, appealViolation, decideAppeal }
export const jobs: Record<string, Job> = {
  // Every 15 minutes, as the 电子监察 rules ask; each case's own steps relight it at once besides.
  relight: { cron: '0 */15 * * * * *', run: relight },
}
