import type { z } from '../../types/zod'
import { fail, issuesOf, ok, type Result } from '../../types/result'
import type { ActionContract, FunctionContract } from '../../types/contracts/contract'
import { cloud } from './cloud'
import { now } from './clock'
import { AppError } from './errors'
import { identifyCaller, type Caller } from './identity'
import { log } from './log'
import { refreshCalendar } from './work-calendar'

/**
 * The one handler wrapper every cloud function uses. For each invocation it:
 *  1. finds the action named by `event.action` in the function's contract;
 *  2. parses the rest of the event with the action's input schema. Invalid input is answered with
 *     INVALID_INPUT and field issues before any action code runs, so bad input never writes;
 *  3. refreshes the working-day calendar when its cached copy is stale (_kit/work-calendar.ts);
 *  4. takes identity from getWXContext() and the role from the staff collection (never from the
 *     event) and checks it against the action's allowed roles;
 *  5. runs the action and checks its answer against the output schema;
 *  6. maps every failure to `{ ok: false, error: { code, message, issues? } }`. Unexpected errors
 *     are logged redacted and answered INTERNAL without a stack: a thrown error would reach a
 *     WeChat client only as an opaque -504002.
 */

export interface ActionContext {
  /** The caller, resolved once per invocation. */
  caller(): Promise<Caller>
  now: Date
}

type ActionImpl<C extends ActionContract> = (input: z.output<C['input']>, ctx: ActionContext) => Promise<z.input<C['output']>>

export type ActionImpls<F extends FunctionContract> = { [K in keyof F['actions']]: ActionImpl<F['actions'][K]> }

/** Fields the platform adds to every event from a mini-program client; they are not input. */
const PLATFORM_FIELDS = ['action', 'userInfo'] as const

/** Timer triggers declared in the function's config.json, by trigger name. */
export type Triggers = Record<
  string,
  (now: Date, event: { TriggerName: string; Time?: string; Message?: string }) => Promise<Record<string, unknown>>
>

/**
 * A timer trigger's event is `{ Type: 'Timer', TriggerName, Time }`. Anyone could send that shape
 * from a client, so it only counts when WeChat says the invocation came from a trigger: no OPENID
 * and SOURCE `wx_trigger`.
 */
function triggerName(body: Record<string, unknown>): string | undefined {
  if (body.Type !== 'Timer' || typeof body.TriggerName !== 'string') return undefined
  const { OPENID, SOURCE } = cloud.getWXContext()
  return !OPENID &&
    String(SOURCE ?? '')
      .split(',')
      .includes('wx_trigger')
    ? body.TriggerName
    : undefined
}

export function createHandler<F extends FunctionContract>(contract: F, impls: ActionImpls<F>, triggers: Triggers = {}) {
  return async function main(event: unknown): Promise<Result<unknown>> {
    const where = `${contract.name}`
    try {
      const body = (event && typeof event === 'object' ? event : {}) as Record<string, unknown>
      const trigger = triggerName(body)
      if (trigger !== undefined) {
        const run = Object.prototype.hasOwnProperty.call(triggers, trigger) ? triggers[trigger] : undefined
        if (!run) return fail('NOT_FOUND', '定时任务不存在')
        const at = now()
        await refreshCalendar(at)
        return ok(await run(at, body as { TriggerName: string; Time?: string; Message?: string }))
      }
      const name = body.action
      if (typeof name !== 'string' || !Object.prototype.hasOwnProperty.call(contract.actions, name)) {
        return fail('INVALID_INPUT', '不支持的操作', [{ path: 'action', message: `可用操作：${Object.keys(contract.actions).join('、')}` }])
      }
      const spec = contract.actions[name]
      const raw = { ...body }
      for (const f of PLATFORM_FIELDS) delete raw[f]
      const parsed = spec.input.safeParse(raw)
      if (!parsed.success) return fail('INVALID_INPUT', undefined, issuesOf(parsed.error))

      let caller: Promise<Caller> | undefined
      const ctx: ActionContext = { caller: () => (caller ??= identifyCaller()), now: now() }
      await refreshCalendar(ctx.now)
      if (spec.access !== 'anyone') {
        const who = await ctx.caller()
        if (!who.openid) return fail('UNAUTHENTICATED')
        if (!spec.access.includes(who.role)) return fail('FORBIDDEN')
      }

      const answer = await (impls[name] as ActionImpl<ActionContract>)(parsed.data, ctx)
      const checked = spec.output.safeParse(answer)
      if (!checked.success) {
        log.error(`${where}.${name} output`, new Error(JSON.stringify(issuesOf(checked.error)).slice(0, 300)))
        return fail('INTERNAL')
      }
      return ok(checked.data)
    } catch (err) {
      if (err instanceof AppError) return fail(err.code, err.message, err.issues)
      log.error(where, err)
      return fail('INTERNAL')
    }
  }
}
