import { z } from '../zod'
import { ROLES } from '../roles'
import { action, defineFunction, noInput, type ActionName, type ParsedInput } from './contract'
import { idSchema } from '../domain/catalog'
import { bookingCodeSchema } from '../domain/booking'
import { TICKET_STATUSES } from '../domain/queue'

export const ticketIdSchema = z.string().regex(/^\d{8}-[A-Z]-\d{1,6}$/, '票号格式不正确')

export const ticketViewSchema = z.object({
  ticketId: ticketIdSchema,
  label: z.string(),
  kind: z.enum(['booked', 'walk_in']),
  status: z.enum(TICKET_STATUSES),
  matterName: z.string(),
  /** The window that called it, or the one it was transferred to. */
  windowName: z.string().optional(),
  windowNumber: z.number().int().optional(),
  ahead: z.number().int().min(0),
  waitMinutes: z.number().int().min(0),
  createdAt: z.string(),
})
export type TicketView = z.infer<typeof ticketViewSchema>

const staff = ['window_staff', 'dept_lead', 'supervisor', 'admin'] as const
const windowAction = z.strictObject({ windowId: idSchema })
const ticketAction = z.strictObject({ ticketId: ticketIdSchema })
const staffTicket = z.object({ ticket: ticketViewSchema })

export const queueContract = defineFunction('queue', '大厅排队：到场取号、叫号、过号、转窗口与叫号屏', {
  checkIn: action({
    summary: '工作人员：凭预约码（或扫二维码）为预约群众取号',
    access: staff,
    input: z.strictObject({ code: bookingCodeSchema }),
    output: staffTicket,
  }),
  takeTicket: action({
    summary: '现场取号（未预约）',
    access: ROLES,
    input: z.strictObject({ matterId: idSchema }),
    output: staffTicket,
  }),
  myTickets: action({
    summary: '我今天的排队票：前面还有几人、预计等待',
    access: ROLES,
    input: noInput,
    output: z.object({ tickets: z.array(ticketViewSchema) }),
  }),
  console: action({
    summary: '工作人员：窗口叫号台（当前票与等候队列）',
    access: staff,
    input: windowAction,
    output: z.object({
      window: z.object({ id: idSchema, name: z.string(), number: z.number().int(), queuePrefix: z.string() }),
      current: ticketViewSchema.nullable(),
      waiting: z.array(ticketViewSchema),
      servedToday: z.number().int(),
    }),
  }),
  callNext: action({ summary: '叫下一位', access: staff, input: windowAction, output: z.object({ ticket: ticketViewSchema.nullable() }) }),
  recall: action({ summary: '重呼当前票', access: staff, input: ticketAction, output: staffTicket }),
  skip: action({ summary: '过号（叫号未到）', access: staff, input: ticketAction, output: staffTicket }),
  finish: action({ summary: '办结当前票', access: staff, input: ticketAction, output: staffTicket }),
  transfer: action({
    summary: '转到另一窗口（排在该窗口最前）',
    access: staff,
    input: z.strictObject({ ticketId: ticketIdSchema, toWindowId: idSchema }),
    output: staffTicket,
  }),
  board: action({
    summary: '叫号屏：最近叫到的票与各队等候人数',
    access: 'anyone',
    input: noInput,
    output: z.object({
      called: z.array(z.object({ label: z.string(), windowNumber: z.number().int(), windowName: z.string(), calledAt: z.string() })),
      waiting: z.array(z.object({ prefix: z.string(), count: z.number().int() })),
    }),
  }),
})

/** What a queue action receives: its input as the schema parsed it (defaults filled in). */
export type QueueInput<K extends ActionName<typeof queueContract>> = ParsedInput<typeof queueContract, K>
