import { z } from '../zod'
import { ROLES } from '../roles'
import { action, defineFunction, noInput, type ActionName, type ParsedInput } from './contract'
import { idSchema } from '../domain/catalog'
import { BOOKING_STATUSES, applicantSchema, requestIdSchema } from '../domain/booking'
import { capacitySchema, hhmmSchema, periodSchema, slotIdSchema } from '../domain/schedule'
import { isBeijingDate } from '../domain/dates'
import { WAITLIST_HALVES, WAITLIST_STATUSES } from '../domain/waitlist'

export const dateSchema = z.string().refine(isBeijingDate, '日期格式应为YYYY-MM-DD')
export const bookingIdSchema = z.string().regex(/^bk-[0-9a-f]{20}$/, '预约编号格式不正确')

export const slotViewSchema = z.object({
  slotId: z.string(),
  windowId: idSchema,
  date: dateSchema,
  start: hhmmSchema,
  end: hhmmSchema,
  capacity: z.number().int(),
  remaining: z.number().int().min(0),
})
export type SlotView = z.infer<typeof slotViewSchema>

export const bookingViewSchema = z.object({
  bookingId: bookingIdSchema,
  code: z.string(),
  status: z.enum(BOOKING_STATUSES),
  matterId: idSchema,
  matterName: z.string(),
  windowId: idSchema,
  windowName: z.string(),
  windowNumber: z.number().int(),
  location: z.string(),
  slotId: z.string(),
  date: dateSchema,
  start: hhmmSchema,
  end: hhmmSchema,
  /** Masked: the list may be seen over a shoulder. */
  applicantName: z.string(),
  idNumberMasked: z.string(),
  forOther: z.boolean(),
  canCancel: z.boolean(),
  ticketId: z.string().optional(),
  /** Staff views only: what to check at the counter, e.g. 「同一证件号另有预约」. */
  warnings: z.array(z.string()).optional(),
})
export type BookingView = z.infer<typeof bookingViewSchema>

export const waitlistEntryIdSchema = z.string().regex(/^wl-[0-9a-f]{20}$/, '候补编号格式不正确')
export const offerIdSchema = z.string().regex(/^wo-[0-9a-f]{20}$/, '候补名额编号格式不正确')

/** A seat held for the citizen: confirm before `until` (ISO). */
export const waitlistOfferViewSchema = z.object({
  offerId: offerIdSchema,
  slotId: z.string(),
  windowName: z.string(),
  windowNumber: z.number().int(),
  location: z.string(),
  date: dateSchema,
  start: hhmmSchema,
  end: hhmmSchema,
  until: z.string(),
})
export type WaitlistOfferView = z.infer<typeof waitlistOfferViewSchema>

export const waitlistEntryViewSchema = z.object({
  entryId: waitlistEntryIdSchema,
  status: z.enum(WAITLIST_STATUSES),
  matterId: idSchema,
  matterName: z.string(),
  from: dateSchema,
  to: dateSchema,
  half: z.enum(WAITLIST_HALVES),
  /** Set when the citizen asked for one window of several. */
  windowId: idSchema.optional(),
  windowName: z.string().optional(),
  auto: z.boolean(),
  applicantName: z.string(),
  /** 1 = next to be offered; only while waiting. */
  position: z.number().int().min(1).optional(),
  /** Offers left to expire so far (the entry ends at the policy's limit). */
  ignored: z.number().int(),
  offer: waitlistOfferViewSchema.optional(),
  bookingId: bookingIdSchema.optional(),
  joinedAt: z.string(),
})
export type WaitlistEntryView = z.infer<typeof waitlistEntryViewSchema>

const everyone = ROLES
const schedulers = ['dept_lead', 'admin'] as const
const windowStaff = ['window_staff', 'dept_lead', 'supervisor', 'admin'] as const

/** One date of a window as its department lead plans it (排班管理). */
export const windowDaySchema = z.object({
  date: dateSchema,
  workingDay: z.boolean(),
  closed: z.boolean(),
  reason: z.string().optional(),
  /** The usual hours on a working day; none on a rest day. */
  periods: z.array(periodSchema),
  /** 延时服务 added for the day. */
  extraPeriods: z.array(periodSchema),
  /** Seats per slot that day, and whether it differs from the window's usual number. */
  capacity: z.number().int(),
  capacityChanged: z.boolean(),
  slots: z.number().int().min(0),
  /** Bookings for the day (booked, checked in or being made). */
  booked: z.number().int().min(0),
  /** 候补 entries waiting for a seat at this window that day. */
  waiting: z.number().int().min(0),
})
export type WindowDay = z.infer<typeof windowDaySchema>

export const appointmentContract = defineFunction('appointment', '预约办事：时段、预约、取消、改约与窗口排班', {
  listDays: action({
    summary: '事项可预约的日期及剩余名额（只含开放日）',
    access: 'anyone',
    input: z.strictObject({ matterId: idSchema }),
    output: z.object({
      days: z.array(z.object({ date: dateSchema, remaining: z.number().int().min(0), provisional: z.boolean().optional() })),
      /** The centre's date (Beijing), for the calendar's 今天: never the device's clock. */
      today: dateSchema,
    }),
  }),
  listSlots: action({
    summary: '某日可预约的时段及剩余名额',
    access: 'anyone',
    input: z.strictObject({ matterId: idSchema, date: dateSchema }),
    output: z.object({ slots: z.array(slotViewSchema) }),
  }),
  book: action({
    summary: '实名预约一个时段（可为他人预约）；同一requestId重复提交返回首次结果',
    access: everyone,
    input: applicantSchema
      .extend({
        slotId: slotIdSchema,
        matterId: idSchema,
        requestId: requestIdSchema,
        /** Booking for someone else, e.g. an elderly parent. */
        forOther: z.boolean().default(false),
        relation: z.string().trim().max(10, '关系最多10个字').optional(),
        /**
         * 任一窗口: `slotId` names the time; the server books it at whichever of the matter's
         * windows has the most seats left then (the window is on the booking).
         */
        anyWindow: z.boolean().default(false),
      })
      .strict(),
    output: z.object({ bookingId: bookingIdSchema, code: z.string() }),
  }),
  cancel: action({
    summary: '取消预约（开始前1小时截止）',
    access: everyone,
    input: z.strictObject({ bookingId: bookingIdSchema }),
    output: z.object({ bookingId: bookingIdSchema, status: z.literal('cancelled') }),
  }),
  reschedule: action({
    summary: '改约到另一时段：先占新时段再释放旧时段，新时段已满则不做任何改变',
    access: everyone,
    input: z.strictObject({ bookingId: bookingIdSchema, slotId: slotIdSchema, requestId: requestIdSchema }),
    output: z.object({ bookingId: bookingIdSchema, code: z.string(), slotId: z.string() }),
  }),
  myBookings: action({
    summary: '我的预约（最新在前）',
    access: everyone,
    input: noInput,
    output: z.object({ bookings: z.array(bookingViewSchema) }),
  }),
  getBooking: action({
    summary: '我的一个预约（含到场码）',
    access: everyone,
    input: z.strictObject({ bookingId: bookingIdSchema }),
    output: bookingViewSchema,
  }),
  daySchedule: action({
    summary: '工作人员：我负责窗口某日的预约，及候补人数',
    access: windowStaff,
    input: z.strictObject({ date: dateSchema.optional(), windowId: idSchema.optional() }),
    output: z.object({
      date: dateSchema,
      bookings: z.array(bookingViewSchema),
      /** 候补 entries waiting for a seat at these windows that day. */
      waiting: z.number().int().min(0),
    }),
  }),
  closeDate: action({
    summary: '部门负责人：某窗口某日停止预约（已有预约时拒绝）',
    access: schedulers,
    input: z.strictObject({ windowId: idSchema, date: dateSchema, reason: z.string().trim().min(2).max(50) }),
    output: z.object({ windowId: idSchema, date: dateSchema, closed: z.literal(true) }),
  }),
  joinWaitlist: action({
    summary: '加入候补：时段约满时按日期范围、上午/下午、窗口排队，有名额释放时按先后保留给候补人；每个账号每个事项一个候补',
    access: everyone,
    input: applicantSchema
      .extend({
        matterId: idSchema,
        from: dateSchema,
        to: dateSchema,
        half: z.enum(WAITLIST_HALVES, { error: '请选择上午、下午或不限' }).default('any'),
        windowId: idSchema.optional(),
        /** 自动预约: book the freed seat without asking when the booking rules allow. */
        auto: z.boolean().default(false),
        forOther: z.boolean().default(false),
        relation: z.string().trim().max(10, '关系最多10个字').optional(),
      })
      .strict()
      .refine((v) => v.from <= v.to, { message: '结束日期不能早于开始日期', path: ['to'] }),
    output: z.object({ entryId: waitlistEntryIdSchema, position: z.number().int().min(1) }),
  }),
  myWaitlist: action({
    summary: '我的候补：排队位置、候补条件和待确认的名额（最新在前）',
    access: everyone,
    input: noInput,
    output: z.object({ entries: z.array(waitlistEntryViewSchema) }),
  }),
  leaveWaitlist: action({
    summary: '退出候补；保留中的名额顺延给下一位',
    access: everyone,
    input: z.strictObject({ entryId: waitlistEntryIdSchema }),
    output: z.object({ entryId: waitlistEntryIdSchema, status: z.literal('left') }),
  }),
  acceptOffer: action({
    summary: '确认候补名额：按预约规则（数量上限、爽约限制、实名）转为正式预约；同一requestId重复提交返回首次结果',
    access: everyone,
    input: z.strictObject({ offerId: offerIdSchema, requestId: requestIdSchema }),
    output: z.object({ bookingId: bookingIdSchema, code: z.string() }),
  }),
  declineOffer: action({
    summary: '放弃候补名额：名额顺延给下一位，本人继续候补（不计爽约）',
    access: everyone,
    input: z.strictObject({ offerId: offerIdSchema }),
    output: z.object({ offerId: offerIdSchema, declined: z.literal(true) }),
  }),
  addHours: action({
    summary: '部门负责人：某窗口某日增加延时服务时段',
    access: schedulers,
    input: z.strictObject({ windowId: idSchema, date: dateSchema, period: periodSchema }),
    output: z.object({ windowId: idSchema, date: dateSchema, slots: z.number().int() }),
  }),
  windowDays: action({
    summary: '部门负责人：某窗口今后可预约的每一天：工作日、停止预约、延时服务、每时段名额、已约和候补人数',
    access: schedulers,
    input: z.strictObject({ windowId: idSchema }),
    output: z.object({
      windowId: idSchema,
      /** The window's usual seats per slot. */
      capacity: z.number().int(),
      today: dateSchema,
      days: z.array(windowDaySchema),
    }),
  }),
  setWindowCapacity: action({
    summary: '部门负责人：某窗口平日每时段名额（单独设置过名额的日子不变）；减少时已有预约保留，增加的名额先给候补',
    access: schedulers,
    input: z.strictObject({ windowId: idSchema, capacity: capacitySchema }),
    output: z.object({
      windowId: idSchema,
      capacity: z.number().int(),
      /** Slots already holding more people than the new number: their bookings stay. */
      overbooked: z.array(z.object({ date: dateSchema, start: hhmmSchema })),
    }),
  }),
  setCapacity: action({
    summary: '部门负责人：某窗口某日每时段名额；减少时已有预约保留，该时段不再接受新预约；增加的名额先给候补',
    access: schedulers,
    input: z.strictObject({ windowId: idSchema, date: dateSchema, capacity: capacitySchema }),
    output: z.object({
      windowId: idSchema,
      date: dateSchema,
      capacity: z.number().int(),
      /** Slots already holding more people than the new number: their bookings stay. */
      overbooked: z.array(hhmmSchema),
    }),
  }),
})

/** What a appointment action receives: its input as the schema parsed it (defaults filled in). */
export type AppointmentInput<K extends ActionName<typeof appointmentContract>> = ParsedInput<typeof appointmentContract, K>
