/**
 * Calls of a cloud function typed by its contract (types/contracts): the event a client sends is
 * `{ action, ...input }`, and the answer is the envelope every handler answers with
 * (`Result<output>`, types/result.ts). A typo in an action or a field is a type error, not a test
 * that passes for the wrong reason.
 *
 * This module loads nothing at run time (its imports are types), so browser tests and benches may
 * use it beside their own cloud.
 */
import type { LocalCloud } from '../../local'
import type { ActionInput, ActionName, ActionOutput, FunctionContract } from '../../types/contracts/contract'
import type { AppErrorBody, ErrorCode, Result } from '../../types/result'

/** An input schema without fields (`noInput`) reads as `Record<string, never>`: keep only `action` then. */
type Fields<T> = string extends keyof T ? Record<never, never> : T

/** The event a client sends for action `K` of function `F`: the action's name and its input. */
export type EventOf<F extends FunctionContract, K extends ActionName<F>> = { action: K } & Fields<ActionInput<F, K>>

/** What a function answers for action `K`: its output when it succeeds, or an error. */
export type AnswerOf<F extends FunctionContract, K extends ActionName<F>> = Result<ActionOutput<F, K>>

export interface FunctionApi<F extends FunctionContract> {
  /** Calls the function as `openid` (none: a caller without an OPENID). */
  <K extends ActionName<F>>(event: EventOf<F, K>, openid?: string): Promise<AnswerOf<F, K>>
  /**
   * The same call with an event no client may send (a wrong type, an extra field, no action): what
   * the tests of the edges send on purpose. Answered as the envelope, its data unknown.
   */
  raw(event: unknown, openid?: string): Promise<Result<unknown>>
}

/** The data of an answer that must have succeeded; a failure stops the test with the error it carries. */
export function dataOf<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`expected a successful answer, got ${JSON.stringify(r.error)}`)
  return r.data
}

/** The error of an answer that must have failed. */
export function errorOf(r: Result<unknown>): AppErrorBody {
  if (r.ok) throw new Error(`expected a refusal, got ${JSON.stringify(r.data)}`)
  return r.error
}

/** The error code of an answer, or nothing when it succeeded. */
export const codeOf = (r: Result<unknown>): ErrorCode | undefined => (r.ok ? undefined : r.error.code)

/** `dataOf` of a pending answer: `await ok(call(...))`. */
export const ok = async <T>(p: Promise<Result<T>>): Promise<T> => dataOf(await p)

/** The report a timer trigger answers (createHandler's triggers): counts and flags by job. */
export type TriggerReport = Record<string, unknown>

/** A subscribeMessage.send as WeChat received it, captured by the local cloud (local/openapi.ts). */
export interface CapturedSend {
  touser: string
  templateId: string
  page: string
  data: Record<string, { value: string }>
  miniprogramState: string
  lang: string
  msgid: number
  /** The function that sent it. */
  calledBy: string
  sentAt: Date
}

/** The sends a local cloud captured, oldest first. */
export const sendsOf = async (local: LocalCloud): Promise<CapturedSend[]> => (await local.sends()) as CapturedSend[]

/** POST /api/fn/<fn> of the cloud at `url`, as the h5 client does; `openid` goes in x-wx-openid. */
export async function callGateway(url: string, fn: string, event: unknown, openid?: string): Promise<unknown> {
  const res = await fetch(`${url}/api/fn/${encodeURIComponent(fn)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(openid === undefined ? {} : { 'x-wx-openid': openid }) },
    body: JSON.stringify(event),
  })
  const text = await res.text()
  try {
    return JSON.parse(text)
  } catch {
    throw new Error(`gateway answered ${res.status} with non-JSON: ${text.slice(0, 200)}`)
  }
}

/** The calls of one function of the cloud at `url` (one in another process), through its HTTP gateway. */
export function gatewayApi<F extends FunctionContract>(url: string, contract: F | F['name']): FunctionApi<F> {
  const fn = typeof contract === 'string' ? contract : contract.name
  const raw = (event: unknown, openid?: string) => callGateway(url, fn, event, openid) as Promise<Result<unknown>>
  return Object.assign(raw, { raw }) as FunctionApi<F>
}

/** The calls of one function of any local cloud (a bench's), invoked in this process as a WeChat client (LocalCloud.invoke). */
export function invokeApi<F extends FunctionContract>(local: LocalCloud, contract: F | F['name']): FunctionApi<F> {
  const fn = typeof contract === 'string' ? contract : contract.name
  const raw = (event: unknown, openid?: string) =>
    local.invoke(fn, event, openid === undefined ? {} : { openid }) as Promise<Result<unknown>>
  return Object.assign(raw, { raw }) as FunctionApi<F>
}
