import { z } from '../zod'
import type { Access } from '../roles'

/** One action of a cloud function: what it takes, what it answers, who may call it. */
export interface ActionContract<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  summary: string
  input: I
  output: O
  access: Access
}

export interface FunctionContract<A extends Record<string, ActionContract> = Record<string, ActionContract>> {
  name: string
  summary: string
  actions: A
}

export const defineFunction = <A extends Record<string, ActionContract>>(
  name: string,
  summary: string,
  actions: A,
): FunctionContract<A> => ({ name, summary, actions })

export const action = <I extends z.ZodType, O extends z.ZodType>(c: ActionContract<I, O>) => c

/** Input of an action without parameters. Strict everywhere: an unexpected field (say an `openid`) is refused, not ignored. */
export const noInput = z.strictObject({})

export type InputOf<C> = C extends ActionContract<infer I, z.ZodType> ? z.input<I> : never
export type OutputOf<C> = C extends ActionContract<z.ZodType, infer O> ? z.output<O> : never
