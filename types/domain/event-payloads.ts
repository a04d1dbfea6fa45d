import { z } from '../zod'
import type { NotificationEvent } from './notification'

/**
 * What each notification event carries: the semantic fields the producing function writes into
 * the outbox and the message text and template data are made of (template-format.ts). One
 * schema per event, strict, so a missing or misspelt field is refused when the notification is
 * written (cloudfunctions/_kit/outbox.ts), not found later as a failed delivery.
 */

const text = z.string()
const count = z.number().int().nonnegative()

/** A booking as its notices tell it: the matter, `YYYY-MM-DD HH:mm-HH:mm`, the window's place and the booking code. */
const bookingFields = { matterName: text, time: text, place: text, code: text }
/** A case as its notices name it. */
const caseFields = { matterName: text, caseNo: text }

export const EVENT_PAYLOADS = {
  'booking.confirmed': z.strictObject(bookingFields),
  'booking.reminder_day_before': z.strictObject(bookingFields),
  'booking.cancelled': z.strictObject(bookingFields),
  /** `holiday`: what the day became (国庆节, 休息日). */
  'booking.day_off': z.strictObject({ ...bookingFields, holiday: text }),
  /** 候补成功: a seat held for the citizen; `until`: confirm before (YYYY-MM-DD HH:mm); `place`: the window's place. */
  'waitlist.offered': z.strictObject({ matterName: text, time: text, place: text, until: text }),
  /** 候补 booked automatically (自动预约): the booking's own 预约成功 carries the push. */
  'waitlist.booked': z.strictObject(bookingFields),
  /** The entry ended after `ignored` offers left to expire. */
  'waitlist.removed': z.strictObject({ matterName: text, ignored: count }),
  'waitlist.withdrawn': z.strictObject({ matterName: text, time: text }),
  /** `ahead`: tickets still ahead of this one. No window yet: whichever window is free calls it. */
  'queue.three_ahead': z.strictObject({ ticket: text, ahead: count, matterName: text }),
  /** `place`: the window that called the ticket (`3号窗口`). */
  'queue.called': z.strictObject({ ticket: text, place: text, matterName: text }),
  /** `promisedDays`: the promised time limit in working days. */
  'case.accepted': z.strictObject({ ...caseFields, promisedDays: count }),
  /**
   * `items`: how many things the citizen is asked to supply; `materials` of them files to upload and
   * `details` form fields or other things to correct (requests queued before these existed have only `items`).
   */
  'case.supplement_requested': z.strictObject({ ...caseFields, items: count, materials: count.optional(), details: count.optional() }),
  'case.approved': z.strictObject(caseFields),
  /** `reason`: free text written to the applicant, so bound relatives get the notice without it. */
  'case.rejected': z.strictObject({ ...caseFields, reason: text.optional() }),
  /** `place`: the hand-out window's place. */
  'case.ready_for_pickup': z.strictObject({ ...caseFields, place: text }),
  /** `how`: handed over at the window, or delivered by post. */
  'case.completed': z.strictObject({ ...caseFields, how: z.enum(['pickup', 'mail']) }),
  /** `failures`: the failed lookups of the case number within the hour. */
  'case.lookup_locked': z.strictObject({ ...caseFields, failures: count }),
  /** `from` and `to`: the promised dates (YYYY-MM-DD); `reason`: why (applicant only, like a refusal's). */
  'case.due_date_changed': z.strictObject({ ...caseFields, from: text, to: text, reason: text.optional() }),
  /** `topic`: the question cut short, numbers masked; `department`: who answered. */
  'inquiry.answered': z.strictObject({ topic: text, department: text }),
  'calendar.provisional_year': z.strictObject({ year: z.number().int() }),
  /** `title`: what was served (the matter, an inquiry's topic); `finishedAt`: when, `YYYY-MM-DD HH:mm`. */
  'rating.invited': z.strictObject({ title: text, finishedAt: text }),
  /** `defaultOn`: the date 基本满意 is recorded without a rating. */
  'rating.reminder': z.strictObject({ title: text, finishedAt: text, defaultOn: text }),
  /** `department`: who rectified and replied. */
  'rating.replied': z.strictObject({ title: text, department: text }),
  /** `stage`: 核实回访, 整改反馈 or 中心办公室审核; `light`: 临期 or 超期; `dueDate`: YYYY-MM-DD. */
  'rating.bad_light': z.strictObject({ title: text, department: text, stage: text, light: text, dueDate: text }),
  /** 投诉: `trackingNo` the 投诉编号; `title` what it is about (对窗口的投诉); `resolveDue` YYYY-MM-DD. */
  'complaint.accepted': z.strictObject({ trackingNo: text, title: text, resolveDue: text }),
  /** `reason`: the office's stated reason, written to the complainant. */
  'complaint.not_accepted': z.strictObject({ trackingNo: text, title: text, reason: text }),
  /** `department`: who must answer. */
  'complaint.transferred': z.strictObject({ trackingNo: text, title: text, department: text, resolveDue: text }),
  'complaint.resolved': z.strictObject({ trackingNo: text, title: text }),
  /** To the centre office: `stage` 受理决定 or 办结答复 is past `dueDate`. No tracking number: staff never see it. */
  'complaint.overdue': z.strictObject({ title: text, stage: text, dueDate: text }),
  /** To the staff of the department a complaint was transferred to: what it is about and the reply's due date (YYYY-MM-DD). */
  'complaint.assigned': z.strictObject({ title: text, resolveDue: text }),
  /** 帮办代办: `title` the matter (帮办：…); `staff` the helper who claimed it (name and staff number). */
  'assist.claimed': z.strictObject({ title: text, staff: text }),
  'assist.prepared': z.strictObject({ title: text }),
  'assist.closed': z.strictObject({ title: text }),
  /** 上门服务, to the department lead: `step` what happened (新的上门服务申请, 申请人申请另约时间, 申请人已取消); `dueDate` the assignment's due date. */
  'visit.requested': z.strictObject({ matterName: text, step: text, dueDate: text }),
  /** To the assigned staff member: `step` (已派给您, 申请人已确认时间, 申请人已取消, 已改派他人); `time` the visit's half day. */
  'visit.task': z.strictObject({ matterName: text, step: text, time: text }),
  /** To the department lead: `stage` 派单联系 or 上门服务; `dueDate` the deadline passed. */
  'visit.overdue': z.strictObject({ matterName: text, stage: text, dueDate: text }),
  /** To the citizen: the half day set (`YYYY-MM-DD HH:mm-HH:mm`) and who comes; they confirm it or ask for another. */
  'visit.assigned': z.strictObject({ matterName: text, time: text, staffName: text }),
  /** `reason`: the lead's stated reason, written to the citizen. */
  'visit.declined': z.strictObject({ matterName: text, reason: text }),
  /** `caseNo`: the case linked at the visit, when one was. */
  'visit.visited': z.strictObject({ matterName: text, caseNo: text.optional() }),
  /** 督办, to the department's leads: `object` what the order is about (a case's matter and number, never a person); `dueDate` the reply's. */
  'supervision.order_issued': z.strictObject({ object: text, reason: text, dueDate: text }),
  /** Sent back by the office: `reason` its words; `dueDate` the reply's, extended or not. */
  'supervision.order_returned': z.strictObject({ object: text, reason: text, dueDate: text }),
  'supervision.order_closed': z.strictObject({ object: text }),
  /** To the centre office: the department replied; `timing` 按期 or 超期. */
  'supervision.order_replied': z.strictObject({ object: text, department: text, timing: text }),
  /** To the director (admin): 通报, `cause` 逾期未回复 or 超期回复 against `dueDate`. */
  'supervision.order_escalated': z.strictObject({ object: text, department: text, cause: text, dueDate: text }),
  /** 红黄灯: `light` 黄灯 or 红灯; `reason` the first reason's label and detail (no personal data); `more` further reasons. */
  'supervision.case_light': z.strictObject({ ...caseFields, light: text, reason: text, more: count }),
} as const satisfies Record<NotificationEvent, z.ZodObject>

/** The payload of every event, by event. */
export type EventPayloads = { [E in NotificationEvent]: z.output<(typeof EVENT_PAYLOADS)[E]> }
export type EventPayload<E extends NotificationEvent> = EventPayloads[E]

/** A payload that does not fit its event. The message names the fields at fault, never their values (they may be personal). */
export class InvalidPayloadError extends Error {
  constructor(
    readonly event: string,
    readonly paths: string[],
  ) {
    super(`${event}: the payload does not fit at ${paths.join(', ')}`)
    this.name = 'InvalidPayloadError'
  }
}

/** The paths a zod failure is at; a field the schema does not know is named by its key. */
const pathsOf = (error: z.ZodError): string[] => [
  ...new Set(
    error.issues.flatMap((i) => {
      const at = i.path.map(String)
      return i.code === 'unrecognized_keys' ? i.keys.map((k) => [...at, k].join('.')) : [at.join('.') || '(payload)']
    }),
  ),
]

/** `data` checked against the schema of `event`: the payload, or InvalidPayloadError. */
export function checkPayload<E extends NotificationEvent>(event: E, data: unknown): EventPayloads[E] {
  const schema: z.ZodObject | undefined = Object.prototype.hasOwnProperty.call(EVENT_PAYLOADS, event) ? EVENT_PAYLOADS[event] : undefined
  if (!schema) throw new InvalidPayloadError(String(event), ['event'])
  const parsed = schema.safeParse(data)
  if (!parsed.success) throw new InvalidPayloadError(event, pathsOf(parsed.error))
  return parsed.data as EventPayloads[E]
}
