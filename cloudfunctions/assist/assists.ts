import type { AssistView } from '../../types/contracts/assist'
import {
  allowedAssistActions,
  assistPolicySchema,
  assistRefusal,
  ASSIST_REASON_LABELS,
  ASSIST_STATE_LABELS,
  DEFAULT_ASSIST_POLICY,
  isOpenAssist,
  worksAssistDesk,
  type AssistAction,
  type AssistActor,
  type AssistPolicy,
  type AssistReason,
  type AssistState,
} from '../../types/domain/assist'
import type { FormValues } from '../../types/domain/matter-form'
import { maskName, maskPhone, redact } from '../../types/domain/masking'
import { beijingDate } from '../../types/domain/working-days'
import { db } from '../_kit/cloud'
import { COLLECTIONS } from '../_kit/collections'
import { AppError, notFound } from '../_kit/errors'
import type { Caller } from '../_kit/identity'
import { readSetting } from '../_kit/settings'

type HistoryKind = AssistView['history'][number]['kind']

/**
 * A 帮办代办 request as stored. `openid` is the requester's; `owner` the helper who claimed it
 * (首问负责制: only they act on it afterwards). `openKey` keeps one open request per account and
 * matter (its unique index): `<OPENID>:<matterId or general>` while open, the request's own id
 * once it is closed or cancelled. `rev` guards every transition.
 */
export interface AssistDoc {
  _id: string
  openid: string
  openKey: string
  open: boolean
  matterId?: string
  matterName: string
  departmentName?: string
  /** Whether the matter can be applied for online when the request was made (then a helper can prepare it). */
  online: boolean
  reason: AssistReason
  detail: string
  contactPhone: string
  forOther?: { relation: string; name: string; phone: string }
  state: AssistState
  requestedAt: Date
  claimDue: string
  owner?: { staffNo: string; name: string }
  ownerOpenid?: string
  claimedAt?: Date
  prepared?: { form: FormValues; note: string; at: Date }
  /** The case the citizen submitted from the prepared application (written with this id: assist/confirm.ts). */
  caseId?: string
  closedAt?: Date
  result?: string
  history: Array<{ kind: HistoryKind; at: Date }>
  rev: number
  updatedAt: Date
}

export const assists = () => db().collection<AssistDoc>(COLLECTIONS.assists)
export const iso = (d: Date | string) => new Date(d).toISOString()
export const today = (now: Date) => beijingDate(now)
export const openKeyOf = (openid: string, matterId: string | undefined) => `${openid}:${matterId ?? 'general'}`

export const assistPolicy = (): Promise<AssistPolicy> => readSetting('assist_policy', assistPolicySchema, DEFAULT_ASSIST_POLICY)

export const isDeskCaller = (caller: Caller, policy: AssistPolicy): boolean => !!caller.staff && worksAssistDesk(caller.staff, policy)

/** Who the caller is for this request, or undefined when it is none of their business. */
export function actorOf(doc: AssistDoc, caller: Caller, policy: AssistPolicy): AssistActor | undefined {
  if (caller.openid && doc.openid === caller.openid) return 'requester'
  if (!isDeskCaller(caller, policy)) return undefined
  return doc.ownerOpenid === caller.openid ? 'owner' : 'desk'
}

export function assertAllowed(action: AssistAction, actor: AssistActor, doc: AssistDoc): void {
  const why = assistRefusal(action, actor, { state: doc.state, online: doc.online })
  if (why) throw new AppError(why.kind === 'who' ? 'FORBIDDEN' : 'CONFLICT', why.message)
}

/** The request and the caller's part in it; a stranger is told it does not exist. */
export async function loadFor(assistId: string, caller: Caller): Promise<{ doc: AssistDoc; actor: AssistActor; policy: AssistPolicy }> {
  const [{ data }, policy] = await Promise.all([assists().where({ _id: assistId }).limit(1).get(), assistPolicy()])
  const doc = data[0]
  const actor = doc && actorOf(doc, caller, policy)
  if (!doc || !actor) throw notFound('未找到该帮办申请')
  return { doc, actor, policy }
}

/** A transition guarded by the revision read: a concurrent change answers CONFLICT. */
export async function writeGuarded(doc: AssistDoc, data: Partial<AssistDoc> & Record<string, unknown>, now: Date): Promise<AssistDoc> {
  const { stats } = await assists()
    .where({ _id: doc._id, rev: doc.rev })
    .update({ data: { ...data, rev: doc.rev + 1, updatedAt: now } })
  if (stats.updated !== 1) throw new AppError('CONFLICT', '帮办申请已被更新，请刷新后重试')
  return { ...doc, ...data, rev: doc.rev + 1, updatedAt: now } as AssistDoc
}

/** What an ending transition writes: closed for good, and the open-request key freed. */
export const ending = (doc: AssistDoc, state: 'closed' | 'cancelled', now: Date) => ({
  state,
  open: false,
  openKey: doc._id,
  closedAt: now,
})

const HISTORY_LABELS: Record<HistoryKind, string> = {
  requested: '提交帮办申请',
  claimed: '帮办员已认领',
  prepared: '帮办员已代填申请',
  confirmed: '已确认并提交申请',
  closed: '帮办已办结',
  cancelled: '已取消',
}

/**
 * The request as the caller may see it. The requester and the helper who owns it see the phone
 * numbers and the served person's name (the helper calls them); the rest of the desk sees them
 * masked until someone claims it, and numbers typed into the text are masked for staff.
 */
export function viewOf(doc: AssistDoc, actor: AssistActor, now: Date): AssistView {
  const full = actor !== 'desk'
  const forOther = doc.forOther && {
    relation: doc.forOther.relation,
    name: full ? doc.forOther.name : maskName(doc.forOther.name),
    phone: full ? doc.forOther.phone : maskPhone(doc.forOther.phone),
  }
  return {
    assistId: doc._id,
    ...(doc.matterId ? { matterId: doc.matterId } : {}),
    matterName: doc.matterName,
    ...(doc.departmentName ? { departmentName: doc.departmentName } : {}),
    reason: doc.reason,
    reasonLabel: ASSIST_REASON_LABELS[doc.reason],
    detail: actor === 'requester' ? doc.detail : redact(doc.detail),
    contactPhone: full ? doc.contactPhone : maskPhone(doc.contactPhone),
    ...(forOther ? { forOther } : {}),
    state: doc.state,
    stateLabel: ASSIST_STATE_LABELS[doc.state],
    requestedAt: iso(doc.requestedAt),
    claimDue: doc.claimDue,
    overdue: doc.state === 'requested' && today(now) > doc.claimDue,
    ...(doc.owner ? { owner: doc.owner } : {}),
    ...(doc.claimedAt ? { claimedAt: iso(doc.claimedAt) } : {}),
    ...(doc.prepared && actor !== 'desk' ? { prepared: { ...doc.prepared, at: iso(doc.prepared.at) } } : {}),
    ...(doc.caseId ? { caseId: doc.caseId } : {}),
    ...(doc.closedAt ? { closedAt: iso(doc.closedAt) } : {}),
    ...(doc.result ? { result: doc.result } : {}),
    history: doc.history.map((h) => ({ kind: h.kind, at: iso(h.at), label: HISTORY_LABELS[h.kind] })),
    allowedActions: allowedAssistActions(actor, { state: doc.state, online: doc.online }),
  }
}

export const stillOpen = (doc: AssistDoc) => isOpenAssist(doc.state)
