import { z } from '../zod'
import type { Access } from '../roles'

/** One action of a cloud function: what it takes, what it answers, who may call it. */
export interface ActionContract<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  summary: string
  input: I
  output: O
  access: Access
}

export interface FunctionContract<A extends Record<string, ActionContract> = Record<string, ActionContract>, N extends string = string> {
  name: N
  summary: string
  actions: A
}

export const defineFunction = <N extends string, A extends Record<string, ActionContract>>(
  name: N,
  summary: string,
  actions: A,
): FunctionContract<A, N> => ({ name, summary, actions })

export const action = <I extends z.ZodType, O extends z.ZodType>(c: ActionContract<I, O>) => c

/** Input of an action without parameters. Strict everywhere: an unexpected field (say an `openid`) is refused, not ignored. */
export const noInput = z.strictObject({})

export type InputOf<C> = C extends ActionContract<infer I, z.ZodType> ? z.input<I> : never
export type OutputOf<C> = C extends ActionContract<z.ZodType, infer O> ? z.output<O> : never

/** The names of a function's actions. */
export type ActionName<F extends FunctionContract> = keyof F['actions'] & string
/** What an action takes, as its caller writes it: `ActionInput<typeof caseContract, 'act'>`. */
export type ActionInput<F extends FunctionContract, K extends ActionName<F>> = InputOf<F['actions'][K]>
/** What an action receives once its schema has parsed the input (defaults filled in). */
export type ParsedInput<F extends FunctionContract, K extends ActionName<F>> =
  F['actions'][K] extends ActionContract<infer I, z.ZodType> ? z.output<I> : never
/** What an action answers. */
export type ActionOutput<F extends FunctionContract, K extends ActionName<F>> = OutputOf<F['actions'][K]>
