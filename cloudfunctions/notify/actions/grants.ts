import type { NotifyInput } from '../../../types/contracts/notify'
import { SUBSCRIBE_MOMENTS, type TemplateKey } from '../../../types/domain/templates'
import type { ActionContext } from '../../_kit/handler'
import { db } from '../../_kit/cloud'
import { insertOnce } from '../../_kit/db'
import { templates } from '../policy'
import { grantId, subscriptions, type SubscriptionDoc } from '../store'

/** The templates to ask for at a moment, with this deployment's ids (the app passes them to wx.requestSubscribeMessage). */
export async function subscribeTemplates({ moment }: NotifyInput<'subscribeTemplates'>) {
  const all = templates()
  return {
    templates: SUBSCRIBE_MOMENTS[moment].map((key) => ({
      key,
      templateId: all[key].templateId,
      title: all[key].title,
      kind: all[key].kind,
    })),
  }
}

type GrantStatus = 'accept' | 'reject' | 'ban' | 'filter'

/**
 * What the user answered in the consent prompt. A one-time "accept" adds one push to the ledger
 * (WeChat counts them the same way and offers no API to read its count); "ban" (the user turned
 * the template off in settings) clears it. A long-term template is on while accepted.
 * A "reject" leaves earlier one-time grants alone: WeChat keeps them too.
 */
function change(status: GrantStatus, longTermTemplate: boolean): Record<string, unknown> | null {
  const _ = db().command
  if (status === 'accept') return longTermTemplate ? { longTerm: true } : { remaining: _.inc(1), acceptedTotal: _.inc(1) }
  if (status === 'ban') return { remaining: 0, longTerm: false }
  if (status === 'reject' && longTermTemplate) return { longTerm: false }
  return null
}

async function record(openid: string, key: TemplateKey, status: GrantStatus, now: Date): Promise<void> {
  const longTermTemplate = templates()[key].kind === 'long_term'
  const patch = change(status, longTermTemplate)
  const id = grantId(openid, key)
  for (let attempt = 0; attempt < 2; attempt++) {
    const { stats } = await subscriptions()
      .where({ _id: id })
      .update({ data: { ...(patch ?? {}), lastStatus: status, updatedAt: now } })
    if (stats.updated === 1) return
    const accepted = status === 'accept'
    const fresh: SubscriptionDoc = {
      _id: id,
      openid,
      templateKey: key,
      remaining: accepted && !longTermTemplate ? 1 : 0,
      longTerm: accepted && longTermTemplate,
      lastStatus: status,
      acceptedTotal: accepted && !longTermTemplate ? 1 : 0,
      updatedAt: now,
    }
    // Created here, unless another report made it meanwhile: then the next round updates that one.
    if (await insertOnce(subscriptions(), fresh)) return
  }
}

export async function reportGrants({ grants }: NotifyInput<'reportGrants'>, ctx: ActionContext) {
  const { openid } = await ctx.caller()
  for (const g of grants) await record(openid, g.templateKey, g.status, ctx.now)
  const _ = db().command
  const { data } = await subscriptions()
    .where({ _id: _.in(grants.map((g) => grantId(openid, g.templateKey))) })
    .get()
  const byKey = new Map(data.map((d) => [d.templateKey, d]))
  return {
    grants: grants.map(({ templateKey }) => {
      const d = byKey.get(templateKey)
      const kind = templates()[templateKey].kind
      const remaining = d?.remaining ?? 0
      return { templateKey, kind, remaining, active: kind === 'long_term' ? Boolean(d?.longTerm) || remaining > 0 : remaining > 0 }
    }),
  }
}
