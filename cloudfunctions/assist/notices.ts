import { assistTitle } from '../../types/domain/assist'
import type { EventPayloads } from '../../types/domain/event-payloads'
import { pageLink, ROUTES } from '../../types/routes'
import { log } from '../_kit/log'
import { enqueueNotification } from '../_kit/outbox'
import type { AssistDoc } from './assists'

type AssistEvent = 'assist.claimed' | 'assist.prepared' | 'assist.closed'
type Extra<E extends AssistEvent> = Omit<EventPayloads[E], 'title'>

/** Tells the requester of a step (the message centre). A failed write is logged, never undoes the step. */
export async function tellRequester<E extends AssistEvent>(doc: AssistDoc, event: E, extra: Extra<E>): Promise<void> {
  try {
    await enqueueNotification({
      event,
      subjectId: doc._id,
      recipient: doc.openid,
      data: { title: assistTitle(doc.matterId ? doc.matterName : undefined), ...extra },
      page: pageLink(ROUTES.assistDetail, { id: doc._id }),
    } as Parameters<typeof enqueueNotification<E>>[0])
  } catch (e) {
    log.error(`assist.notify.${event}`, e)
  }
}
