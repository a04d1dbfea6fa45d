import type { AssistInput } from '../../../types/contracts/assist'
import { getMatterDoc } from '../../_kit/catalog'
import { AppError } from '../../_kit/errors'
import type { ActionContext } from '../../_kit/handler'
import { checkForm } from '../../case/application'
import { assertAllowed, assistPolicy, assists, ending, isDeskCaller, loadFor, viewOf, writeGuarded } from '../assists'
import { tellRequester } from '../notices'

/** The desk's lists: requests nobody claimed yet (the oldest first: they wait longest), and the caller's own open ones. */
export async function inbox(input: AssistInput<'inbox'>, ctx: ActionContext) {
  const caller = await ctx.caller()
  if (!isDeskCaller(caller, await assistPolicy())) throw new AppError('FORBIDDEN', '您不在帮办窗口，不能查看帮办申请')
  const { data } =
    input.box === 'unclaimed'
      ? await assists().where({ state: 'requested' }).orderBy('requestedAt', 'asc').limit(100).get()
      : await assists().where({ ownerOpenid: caller.openid, open: true }).orderBy('requestedAt', 'desc').limit(100).get()
  return { items: data.map((d) => viewOf(d, input.box === 'mine' ? 'owner' : 'desk', ctx.now)) }
}

/** 首问负责制: the first to claim answers for the request to the end; the condition on the state makes one claim win. */
export async function claim(input: AssistInput<'claim'>, ctx: ActionContext) {
  const caller = await ctx.caller()
  const { doc, actor } = await loadFor(input.assistId, caller)
  if (actor === 'owner') throw new AppError('CONFLICT', '您已认领该帮办申请')
  assertAllowed('claim', actor, doc)
  const owner = { staffNo: caller.staff!.staffNo, name: caller.staff!.name }
  const next = await writeGuarded(
    doc,
    {
      state: 'claimed',
      owner,
      ownerOpenid: caller.openid,
      claimedAt: ctx.now,
      history: [...doc.history, { kind: 'claimed', at: ctx.now }],
    },
    ctx.now,
  )
  await tellRequester(next, 'assist.claimed', { staff: `${owner.name}（${owner.staffNo}）` })
  return { assistId: next._id, state: next.state }
}

/** The helper fills in the matter's online form for the citizen, checked by the same rules as the citizen's own draft. */
export async function prepare(input: AssistInput<'prepare'>, ctx: ActionContext) {
  const { doc, actor } = await loadFor(input.assistId, await ctx.caller())
  assertAllowed('prepare', actor, doc)
  const matter = await getMatterDoc(doc.matterId!)
  const form = checkForm(matter.formFields ?? [], input.form, true)
  const next = await writeGuarded(
    doc,
    { state: 'drafted', prepared: { form, note: input.note, at: ctx.now }, history: [...doc.history, { kind: 'prepared', at: ctx.now }] },
    ctx.now,
  )
  await tellRequester(next, 'assist.prepared', {})
  return { assistId: next._id, state: next.state }
}

export async function close(input: AssistInput<'close'>, ctx: ActionContext) {
  const { doc, actor } = await loadFor(input.assistId, await ctx.caller())
  assertAllowed('close', actor, doc)
  const next = await writeGuarded(
    doc,
    { ...ending(doc, 'closed', ctx.now), result: input.result, history: [...doc.history, { kind: 'closed', at: ctx.now }] },
    ctx.now,
  )
  await tellRequester(next, 'assist.closed', {})
  return { assistId: next._id, state: next.state }
}
