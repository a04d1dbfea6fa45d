import { z } from './zod'

/** The fixed vocabulary of error codes every function answers with. */
export const ERROR_CODES = ['INVALID_INPUT', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'RATE_LIMITED', 'INTERNAL'] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

/** Default Chinese message per code: what a citizen reads when nothing more specific applies. */
export const ERROR_MESSAGES: Record<ErrorCode, string> = {
  INVALID_INPUT: '填写的信息有误，请检查后重试',
  UNAUTHENTICATED: '请先登录',
  FORBIDDEN: '没有权限进行此操作',
  NOT_FOUND: '未找到相关信息',
  CONFLICT: '操作冲突，请刷新后重试',
  RATE_LIMITED: '操作太频繁，请稍后再试',
  INTERNAL: '系统繁忙，请稍后再试',
}

export const issueSchema = z.object({ path: z.string(), message: z.string() })
export type Issue = z.infer<typeof issueSchema>

export const appErrorSchema = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  issues: z.array(issueSchema).optional(),
})
export type AppErrorBody = z.infer<typeof appErrorSchema>

export type Ok<T> = { ok: true; data: T }
export type Fail = { ok: false; error: AppErrorBody }
export type Result<T> = Ok<T> | Fail

export const ok = <T>(data: T): Ok<T> => ({ ok: true, data })
export const fail = (code: ErrorCode, message = ERROR_MESSAGES[code], issues?: Issue[]): Fail => ({
  ok: false,
  error: issues && issues.length ? { code, message, issues } : { code, message },
})

/** A zod failure in the envelope's words: one issue per field, its path dotted (`materials.0.fileName`), `prefix` put in front. */
export const issuesOf = (error: z.ZodError, prefix = ''): Issue[] =>
  error.issues.map((i) => ({ path: prefix + i.path.map(String).join('.'), message: i.message }))
