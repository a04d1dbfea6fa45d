import { z } from '../zod'
import { action, defineFunction, noInput, type ActionName, type ParsedInput } from './contract'

/**
 * The hall display board (大厅公示屏). Its one action is public (a TV has no account) and answers
 * only rows built field by field from a whitelist: ticket numbers, window numbers, queue places,
 * counts, and cases as number tail, masked family name, matter, status and promised date.
 */

const callSchema = z.object({
  ticket: z.string(),
  windowNumber: z.number().int(),
  calledAt: z.string(),
  /** How many times it was called (a 重呼 is a new call to announce). */
  callCount: z.number().int().min(1),
})

export const boardAnswerSchema = z.object({
  date: z.string(),
  serverTime: z.string(),
  /** False once the hall closed today, and all day when it does not open. */
  open: z.boolean(),
  /** When today's rows clear (HH:mm), empty on a day the hall does not open. */
  closesAt: z.string(),
  /** Tickets being called now, newest first: the first rows of the panel, then the overflow column. */
  calling: z.array(callSchema),
  overflow: z.array(callSchema.pick({ ticket: true, windowNumber: true })),
  /** The last calls that ended, newest first; `skipped` is 过号. */
  recent: z.array(callSchema.pick({ ticket: true, windowNumber: true, calledAt: true }).extend({ skipped: z.boolean() })),
  waiting: z.array(z.object({ prefix: z.string(), place: z.string(), count: z.number().int().min(0) })),
  figures: z.object({
    tickets: z.number().int(),
    served: z.number().int(),
    /** Minutes from ticket to call, over today's called tickets; null before the first call. */
    averageWaitMinutes: z.number().int().nullable(),
    casesFinished: z.number().int(),
    /** 好评率 of today's active ratings (0–1); null without any. */
    goodRate: z.number().nullable(),
    ratings: z.number().int(),
  }),
  /** 办件公示: cases that moved today. */
  ticker: z.array(
    z.object({ caseTail: z.string(), applicant: z.string(), matter: z.string(), status: z.string(), promisedDate: z.string() }),
  ),
  /** Pinned announcements (通知公告): title and category only. */
  announcements: z.array(z.object({ id: z.string(), title: z.string(), category: z.string() })),
})
export type BoardAnswer = z.infer<typeof boardAnswerSchema>

export const boardContract = defineFunction('board', '大厅公示屏：叫号、等候人数、今日数据、办件公示与置顶公告（只含脱敏数据）', {
  show: action({
    summary: '公示屏数据：正在叫号、最近叫号（含过号）、各区等候人数、今日数据、办件公示、置顶公告；闭厅后当天各行清空',
    access: 'anyone',
    input: noInput,
    output: boardAnswerSchema,
  }),
})

export type BoardInput<K extends ActionName<typeof boardContract>> = ParsedInput<typeof boardContract, K>
