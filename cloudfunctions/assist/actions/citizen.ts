import type { AssistInput } from '../../../types/contracts/assist'
import { claimDueDate } from '../../../types/domain/assist'
import { getDepartment, getMatterDoc } from '../../_kit/catalog'
import { isDuplicate } from '../../_kit/db'
import { AppError } from '../../_kit/errors'
import type { ActionContext } from '../../_kit/handler'
import { fingerprintOf, once } from '../../_kit/idempotency'
import { randomHex } from '../../_kit/ids'
import { workCalendar } from '../../_kit/work-calendar'
import { assertAllowed, assistPolicy, assists, ending, loadFor, openKeyOf, today, viewOf, writeGuarded, type AssistDoc } from '../assists'

/**
 * A request for help, written once per request id. One open request per account and matter: the
 * unique `openKey` refuses a second in the same write, so two taps or two devices make one.
 */
export async function request(input: AssistInput<'request'>, ctx: ActionContext) {
  const { openid } = await ctx.caller()
  if (!openid) throw new AppError('UNAUTHENTICATED', '请先登录')
  return once('assist.request', openid, input.requestId, fingerprintOf({ ...input }), async () => {
    const matter = input.matterId ? await getMatterDoc(input.matterId) : undefined
    const policy = await assistPolicy()
    const open = (await assists().where({ openid, open: true }).count()).total
    if (open >= policy.maxOpenPerAccount) throw new AppError('CONFLICT', `您已有${open}个进行中的帮办申请，请等办结后再申请`)
    const claimDue = claimDueDate(today(ctx.now), policy, workCalendar())
    const doc: AssistDoc = {
      _id: `as-${randomHex(20)}`,
      openid,
      openKey: openKeyOf(openid, matter?.id),
      open: true,
      ...(matter ? { matterId: matter.id } : {}),
      matterName: matter?.name ?? '其他事项',
      online: !!matter?.flags.onlineApplication,
      reason: input.reason,
      detail: input.detail,
      contactPhone: input.contactPhone,
      ...(input.forOther ? { forOther: input.forOther } : {}),
      state: 'requested',
      requestedAt: ctx.now,
      claimDue,
      history: [{ kind: 'requested', at: ctx.now }],
      rev: 0,
      updatedAt: ctx.now,
    }
    const dept = matter && (await getDepartment(matter.departmentId))
    if (dept) doc.departmentName = dept.name
    try {
      await assists().add({ data: doc })
    } catch (e) {
      if (isDuplicate(e)) throw new AppError('CONFLICT', '该事项已有进行中的帮办申请，请在「我的帮办」查看')
      throw e
    }
    return { assistId: doc._id, state: doc.state, claimDue }
  })
}

export async function mine(_input: AssistInput<'mine'>, ctx: ActionContext) {
  const { openid } = await ctx.caller()
  const { data } = await assists().where({ openid }).orderBy('requestedAt', 'desc').limit(50).get()
  return { items: data.map((d) => viewOf(d, 'requester', ctx.now)) }
}

export async function get(input: AssistInput<'get'>, ctx: ActionContext) {
  const { doc, actor } = await loadFor(input.assistId, await ctx.caller())
  return viewOf(doc, actor, ctx.now)
}

export async function cancel(input: AssistInput<'cancel'>, ctx: ActionContext) {
  const { doc, actor } = await loadFor(input.assistId, await ctx.caller())
  assertAllowed('cancel', actor, doc)
  const next = await writeGuarded(
    doc,
    { ...ending(doc, 'cancelled', ctx.now), history: [...doc.history, { kind: 'cancelled', at: ctx.now }] },
    ctx.now,
  )
  return { assistId: next._id, state: next.state }
}
