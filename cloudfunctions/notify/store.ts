import type { DeliveryChannel } from '../../types/contracts/notify'
import type { NotificationEvent } from '../../types/domain/notification'
import type { TemplateKey } from '../../types/domain/templates'
import type { SubjectKind } from '../../types/domain/template-format'
import { db } from '../_kit/cloud'
import { COLLECTIONS } from '../_kit/collections'
import type { OutboxItem } from '../_kit/outbox'

/**
 * An outbox item as the producing function wrote it (_kit/outbox.ts OutboxItem), plus the delivery
 * state kept here. Items written by hand or before a field existed may lack `subjectRoot` and
 * `attempts`, hence optional here.
 */
export type OutboxDoc<E extends NotificationEvent = NotificationEvent> = E extends NotificationEvent
  ? Omit<OutboxItem<E>, 'subjectRoot' | 'attempts'> & { subjectRoot?: string; attempts?: number } & DeliveryState
  : never

interface DeliveryState {
  /** When a `retry` item is due again. */
  dueAt?: Date
  /** A `sending` item belongs to the claim until then; after it, a drain may take it over. */
  leaseUntil?: Date
  claim?: string
  /** The grant this item consumed, kept across retries so a retry never takes a second one. */
  grant?: Grant | null
  templateKey?: TemplateKey
  /** The channel chosen for it (delivery.ts routeFor). */
  channel?: DeliveryChannel
  lastError?: { errcode?: number; reason: string }
  sentAt?: Date
  msgid?: number
}

export interface Grant {
  id: string
  kind: 'one_time' | 'long_term'
}

/** The consent ledger, one document per (OPENID, template): `_id` = `<openid>:<templateKey>`. */
export interface SubscriptionDoc {
  _id: string
  openid: string
  templateKey: TemplateKey
  /** One-time grants not used yet: each "允许" adds one, each push takes one. */
  remaining: number
  /** A long-term template the user keeps allowed: pushes do not use it up. */
  longTerm: boolean
  lastStatus: string
  acceptedTotal: number
  updatedAt: Date
}

/** A message centre entry; `_id` = the outbox item's `_id`, so a retried delivery writes it once. */
export interface MessageDoc {
  _id: string
  openid: string
  event: NotificationEvent
  kind: SubjectKind
  subjectId: string
  title: string
  body: string
  page: string
  read: boolean
  readAt?: Date
  createdAt: Date
}

export const outbox = () => db().collection<OutboxDoc>(COLLECTIONS.outbox)
export const subscriptions = () => db().collection<SubscriptionDoc>(COLLECTIONS.subscriptions)
export const messages = () => db().collection<MessageDoc>(COLLECTIONS.messages)
export const grantId = (openid: string, key: TemplateKey) => `${openid}:${key}`
