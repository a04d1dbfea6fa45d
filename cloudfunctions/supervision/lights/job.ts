import { CLOSED_STATES, LIT_STATES } from '../../../types/domain/supervision-lights'
import { cases, type CaseDoc } from '../../case/cases'
import { db } from '../../_kit/cloud'
import { COLLECTIONS } from '../../_kit/collections'
import { log } from '../../_kit/log'
import { readPolicy, relightCase } from '../../_supervision/relight'

/**
 * The 15-minute relight: the safety net behind the case function, and the clock that turns a
 * waiting case yellow or red as working days pass. It walks the lit cases in id order from where
 * the last run stopped, at most `relightPerRun` of them (supervision_policy), in pages; then the
 * cases closed since its watermark, so a light whose closing step failed to update it closes too.
 * Recomputing twice changes nothing: violations and light changes are written under fixed ids.
 */

const PAGE = 50
/** Cases relit at once within a page: a few parallel reads, not fifty. */
const PARALLEL = 5

interface RunDoc {
  _id: string
  /** The last case id relit in this round ('' at the start of a round). */
  cursor: string
  /** The latest `updatedAt` among closed cases already looked at. */
  closedSince?: Date
  rounds: number
  at: Date
}

const runs = () => db().collection<RunDoc>(COLLECTIONS.caseLightRuns)

async function relightAll(docs: CaseDoc[], now: Date): Promise<number> {
  let failed = 0
  for (let i = 0; i < docs.length; i += PARALLEL) {
    await Promise.all(
      docs.slice(i, i + PARALLEL).map((d) =>
        relightCase(d, now, 'job').catch((e) => {
          failed++
          log.error('supervision.relight.case', e)
        }),
      ),
    )
  }
  return failed
}

export async function relight(now: Date): Promise<Record<string, unknown>> {
  const _ = db().command
  const policy = await readPolicy()
  const { data } = await runs().where({ _id: 'relight' }).limit(1).get()
  const run: RunDoc = data[0] ?? { _id: 'relight', cursor: '', rounds: 0, at: now }
  let cursor = run.cursor
  let processed = 0
  let failed = 0
  let roundDone = false
  while (processed < policy.relightPerRun) {
    const size = Math.min(PAGE, policy.relightPerRun - processed)
    const { data: page } = await cases()
      .where({ state: _.in([...LIT_STATES]), ...(cursor ? { _id: _.gt(cursor) } : {}) })
      .orderBy('_id', 'asc')
      .limit(size)
      .get()
    failed += await relightAll(page, now)
    processed += page.length
    if (page.length) cursor = page[page.length - 1]._id
    if (page.length < size) {
      roundDone = true
      cursor = ''
      break
    }
  }
  const { data: closed } = await cases()
    .where({ state: _.in([...CLOSED_STATES]), ...(run.closedSince ? { updatedAt: _.gt(run.closedSince) } : {}) })
    .orderBy('updatedAt', 'asc')
    .limit(PAGE * 2)
    .get()
  failed += await relightAll(closed, now)
  const closedSince = closed.length ? closed[closed.length - 1].updatedAt : run.closedSince
  const next: RunDoc = {
    _id: 'relight',
    cursor,
    ...(closedSince ? { closedSince } : {}),
    rounds: run.rounds + (roundDone ? 1 : 0),
    at: now,
  }
  const { _id, ...fields } = next
  await runs().doc(_id).set({ data: fields })
  return { processed, closed: closed.length, failed, roundDone, cursor }
}
