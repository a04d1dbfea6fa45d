/**
 * How long after a change a sweeper makes sure its consequences happened (holds given back,
 * notifications written, a no-show recorded). Well above the functions' 20 s timeout (config.json):
 * an invocation is dead by then, so a sweeper never races one that is still running.
 */
export const SETTLE_AFTER_MS = 120_000

/** The time a sweeper checks a change made `now` through; written in the same update as the change. */
export const settleAt = (now: Date) => new Date(now.getTime() + SETTLE_AFTER_MS)
