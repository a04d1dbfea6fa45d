import type { ActionInput, ActionName, ActionOutput, FunctionContract } from '../../types/contracts/contract'
import type { Result } from '../../types/result'
import { callAction } from './cloud'

/** One method per action of a function, typed by its contract; an action without input takes none. */
export type Client<F extends FunctionContract> = {
  [K in ActionName<F>]: Record<never, never> extends ActionInput<F, K>
    ? (input?: ActionInput<F, K>) => Promise<Result<ActionOutput<F, K>>>
    : (input: ActionInput<F, K>) => Promise<Result<ActionOutput<F, K>>>
}

/**
 * The client of a cloud function, derived from its contract: `caseApi.act(input)` checks the input
 * with the action's schema and calls the function (cloud.ts), so a new action needs no client code.
 * Each function's client is its own module (services/api/<fn>.ts) so that a page pulls in only the
 * contracts it calls: the weapp build moves a module used only by subpackages out of the main package.
 */
export function clientFor<F extends FunctionContract>(contract: F): Client<F> {
  const client: Record<string, (input?: object) => Promise<Result<unknown>>> = {}
  for (const name of Object.keys(contract.actions)) client[name] = (input = {}) => callAction(contract, name, input as never)
  return client as Client<F>
}
