import type { Job } from '../../_kit/schedule'
import { consoleExport } from './export'
import { consoleFigures } from './figures'
import { fold } from './fold'

/** The supervision function's console part: its action implementations and its timer jobs (one `tick` trigger runs them all). */
export const impls = { consoleFigures, consoleExport }
/** Every five minutes the counters take in what happened since the last run: the console lags the events by that much at most. */
export const jobs: Record<string, Job> = {
  consoleFold: {
    cron: '0 */5 * * * * *',
    // Only the local cloud's tests set LOCAL_FOLD_CRASH_AFTER, to cut a run off half way as a crash would.
    run: (now) => fold(now, process.env.LOCAL_FOLD_CRASH_AFTER ? { crashAfterWrites: Number(process.env.LOCAL_FOLD_CRASH_AFTER) } : {}),
  },
}
