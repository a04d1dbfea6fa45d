/** Every notification event has one payload schema; the outbox refuses what does not fit, and the texts read only what it declares. */
import { checkPayload, EVENT_PAYLOADS, InvalidPayloadError, type EventPayloads } from '../../types/domain/event-payloads'
import { isMessageOnly, NOTIFICATION_EVENTS, type MessageOnlyEvent, type NotificationEvent } from '../../types/domain/notification'
import { formatNotification, messageText } from '../../types/domain/template-format'

const AT = new Date('2026-09-28T02:00:00Z')

/** One valid payload per event, as the producers write them. */
const EXAMPLES: { [E in NotificationEvent]: EventPayloads[E] } = {
  'booking.confirmed': { matterName: '普通护照签发', time: '2026-09-29 09:00-09:30', place: '一楼A区 1号窗口', code: 'AB23CD45' },
  'booking.reminder_day_before': { matterName: '普通护照签发', time: '2026-09-29 09:00-09:30', place: '一楼A区 1号窗口', code: 'AB23CD45' },
  'booking.cancelled': { matterName: '普通护照签发', time: '2026-09-29 09:00-09:30', place: '一楼A区 1号窗口', code: 'AB23CD45' },
  'booking.day_off': {
    matterName: '普通护照签发',
    time: '2026-10-01 09:00-09:30',
    place: '一楼A区 1号窗口',
    code: 'AB23CD45',
    holiday: '国庆节',
  },
  'waitlist.offered': { matterName: '普通护照签发', time: '2026-09-29 09:00-09:30', place: '一楼A区 1号窗口', until: '09-28 10:15' },
  'waitlist.booked': { matterName: '普通护照签发', time: '2026-09-29 09:00-09:30', place: '一楼A区 1号窗口', code: 'AB23CD45' },
  'waitlist.removed': { matterName: '普通护照签发', ignored: 3 },
  'waitlist.withdrawn': { matterName: '普通护照签发', time: '2026-12-03 09:30' },
  'queue.three_ahead': { ticket: 'A012', ahead: 3, matterName: '普通护照签发' },
  'queue.called': { ticket: 'A012', place: '3号窗口', matterName: '普通护照签发' },
  'case.accepted': { matterName: '普通护照签发', caseNo: 'ZW20260928000123', promisedDays: 7 },
  'case.supplement_requested': { matterName: '普通护照签发', caseNo: 'ZW20260928000123', items: 2, materials: 1, details: 1 },
  'case.completed': { matterName: '普通护照签发', caseNo: 'ZW20260928000123', how: 'pickup' },
  'case.approved': { matterName: '普通护照签发', caseNo: 'ZW20260928000123' },
  'case.rejected': { matterName: '普通护照签发', caseNo: 'ZW20260928000123', reason: '申请材料与事实不符' },
  'case.ready_for_pickup': { matterName: '普通护照签发', caseNo: 'ZW20260928000123', place: '一楼D区 23号窗口' },
  'case.lookup_locked': { matterName: '普通护照签发', caseNo: 'ZW20260928000123', failures: 5 },
  'case.due_date_changed': {
    matterName: '普通护照签发',
    caseNo: 'ZW20260928000123',
    from: '2026-10-09',
    to: '2026-10-12',
    reason: '工作日历调整',
  },
  'inquiry.answered': { topic: '办护照要带户口本吗', department: '县公安局出入境管理大队' },
  'calendar.provisional_year': { year: 2027 },
  'rating.invited': { title: '普通护照签发', finishedAt: '2026-09-28 10:00' },
  'rating.reminder': { title: '普通护照签发', finishedAt: '2026-09-28 10:00', defaultOn: '2026-10-05' },
  'rating.replied': { title: '普通护照签发', department: '县公安局出入境管理大队' },
  'rating.bad_light': {
    title: '普通护照签发',
    department: '县公安局出入境管理大队',
    stage: '核实回访',
    light: '超期',
    dueDate: '2026-10-08',
  },
  'complaint.accepted': { trackingNo: 'TSABCDEFGHJK2', title: '对窗口的投诉', resolveDue: '2026-10-12' },
  'complaint.not_accepted': { trackingNo: 'TSABCDEFGHJK2', title: '对窗口的投诉', reason: '不属于本中心受理范围' },
  'complaint.transferred': { trackingNo: 'TSABCDEFGHJK2', title: '对窗口的投诉', department: '县市场监督管理局', resolveDue: '2026-10-12' },
  'complaint.resolved': { trackingNo: 'TSABCDEFGHJK2', title: '对窗口的投诉' },
  'complaint.overdue': { title: '对窗口的投诉', stage: '受理决定', dueDate: '2026-09-28' },
  'complaint.assigned': { title: '对窗口的投诉', resolveDue: '2026-10-12' },
  'assist.claimed': { title: '帮办：普通护照签发', staff: '刘洋（ZW0004）' },
  'assist.prepared': { title: '帮办：普通护照签发' },
  'assist.closed': { title: '帮办：普通护照签发' },
  'visit.requested': { matterName: '普通护照签发', step: '新的上门服务申请', dueDate: '2026-09-29' },
  'visit.task': { matterName: '普通护照签发', step: '已派给您', time: '2026-09-30 上午' },
  'visit.overdue': { matterName: '普通护照签发', stage: '派单联系', dueDate: '2026-09-29' },
  'visit.assigned': { matterName: '普通护照签发', time: '2026-09-30 09:00-12:00', staffName: '王芳' },
  'visit.declined': { matterName: '普通护照签发', reason: '该地址不在本县服务范围' },
  'visit.visited': { matterName: '普通护照签发', caseNo: 'BJ202609280001' },
  'supervision.order_issued': {
    object: '普通护照签发 · ZW20260928000123',
    reason: '办件亮红灯已超过2个工作日：超过承诺时限',
    dueDate: '2026-10-12',
  },
  'supervision.order_returned': { object: '普通护照签发 · ZW20260928000123', reason: '未说明延误原因', dueDate: '2026-10-14' },
  'supervision.order_closed': { object: '普通护照签发 · ZW20260928000123' },
  'supervision.order_replied': { object: '普通护照签发 · ZW20260928000123', department: '县公安局出入境管理大队', timing: '按期' },
  'supervision.order_escalated': {
    object: '差评：普通护照签发',
    department: '县公安局出入境管理大队',
    cause: '逾期未回复',
    dueDate: '2026-10-12',
  },
  'supervision.case_light': {
    matterName: '普通护照签发',
    caseNo: 'ZW20260928000123',
    light: '红灯',
    reason: '超期办理：承诺办结日期2026-10-12，已超期1个工作日仍未办结',
    more: 0,
  },
}

const required = (event: NotificationEvent) =>
  Object.entries(EVENT_PAYLOADS[event].shape)
    .filter(([, field]) => !field.safeParse(undefined).success)
    .map(([key]) => key)

describe('one payload schema per event', () => {
  it('when the events are listed, then each has exactly one schema and nothing else has one', () => {
    expect(Object.keys(EVENT_PAYLOADS).sort()).toEqual([...NOTIFICATION_EVENTS].sort())
  })

  it.each(NOTIFICATION_EVENTS)('when %s carries what its producer writes, then the payload is accepted as is', (event) => {
    expect(checkPayload(event, EXAMPLES[event])).toEqual(EXAMPLES[event])
  })

  it.each(NOTIFICATION_EVENTS.flatMap((e) => required(e).map((key) => [e, key] as const)))(
    'when %s lacks %s, then the payload is refused naming the field',
    (event, key) => {
      const { [key]: _dropped, ...rest } = EXAMPLES[event] as Record<string, unknown>
      expect(() => checkPayload(event, rest)).toThrow(InvalidPayloadError)
      expect(() => checkPayload(event, rest)).toThrow(key)
    },
  )

  it.each(NOTIFICATION_EVENTS)('when a field of %s is misspelt, then the payload is refused naming both spellings', (event) => {
    const [key, value] = Object.entries(EXAMPLES[event])[0]
    const { [key]: _right, ...rest } = EXAMPLES[event] as Record<string, unknown>
    const misspelt = { ...rest, [`${key}s`]: value }
    const refusal = (() => {
      try {
        checkPayload(event, misspelt)
      } catch (e) {
        return e as InvalidPayloadError
      }
      throw new Error('accepted a misspelt field')
    })()
    expect(refusal).toBeInstanceOf(InvalidPayloadError)
    expect(refusal.paths).toEqual(expect.arrayContaining([`${key}s`]))
    if (required(event).includes(key)) expect(refusal.paths).toEqual(expect.arrayContaining([key]))
  })

  it('when a payload is refused, then the error names fields but never their values', () => {
    const e = (() => {
      try {
        checkPayload('case.accepted', { matterName: '张伟的护照', caseNo: 110101199003070016, promisedDays: '七' })
      } catch (err) {
        return err as Error
      }
      throw new Error('accepted a bad payload')
    })()
    expect(e.message).toContain('caseNo')
    expect(e.message).toContain('promisedDays')
    expect(e.message).not.toMatch(/张伟|110101199003070016|七/)
  })

  it('when an event is not one of ours, then its payload is refused', () => {
    expect(() => checkPayload('case.teleported' as NotificationEvent, {})).toThrow(InvalidPayloadError)
  })
})

describe('the texts read only what the payload declares', () => {
  /** The payload behind a proxy that records every field the formatter reads. */
  function watched<E extends NotificationEvent>(event: E) {
    const reads = new Set<string>()
    const data = new Proxy(EXAMPLES[event], {
      get(target, key, receiver) {
        if (typeof key === 'string') reads.add(key)
        return Reflect.get(target, key, receiver)
      },
      has(target, key) {
        if (typeof key === 'string') reads.add(key)
        return Reflect.has(target, key)
      },
    })
    return { data, reads }
  }

  it.each(NOTIFICATION_EVENTS)('when the message centre text of %s is made, then every field it reads is in its schema', (event) => {
    const { data, reads } = watched(event)
    messageText(event, data, AT)
    expect([...reads].filter((k) => !(k in EVENT_PAYLOADS[event].shape))).toEqual([])
  })

  it.each(NOTIFICATION_EVENTS.filter((e) => !isMessageOnly(e)))(
    'when %s is formatted for its template, then every field it reads is in its schema',
    (event) => {
      const { data, reads } = watched(event)
      formatNotification(event as Exclude<NotificationEvent, MessageOnlyEvent>, data, AT)
      expect([...reads].filter((k) => !(k in EVENT_PAYLOADS[event].shape))).toEqual([])
    },
  )
})

describe('the supplement request counts what it asks for', () => {
  const body = (d: Partial<EventPayloads['case.supplement_requested']>) =>
    messageText('case.supplement_requested', { matterName: '普通护照签发', caseNo: 'ZW20260928000123', items: 2, ...d }, AT)

  it.each([
    [{ materials: 1, details: 1 }, '请补充材料', '请补充1项材料、1项信息'],
    [{ items: 3, materials: 3, details: 0 }, '请补充材料', '请补充3项材料'],
    [{ items: 1, materials: 0, details: 1 }, '请补正信息', '请补充1项信息'],
    [{}, '请补充材料', '请补充2项内容'],
  ])('when it asks for %j, then the message says 「%s」 and 「%s」', (d, title, ask) => {
    const m = body(d)
    expect(m.title).toContain(title)
    expect(m.body).toContain(ask)
  })
})
