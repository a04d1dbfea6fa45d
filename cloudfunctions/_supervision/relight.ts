import { beijingDate } from '../../types/domain/dates'
import type { Staff } from '../../types/domain/staff'
import {
  counts,
  DEFAULT_SUPERVISION_POLICY,
  detectViolations,
  isLit,
  LIGHT_LABELS,
  lightOf,
  rulesFor,
  supervisionPolicySchema,
  VIOLATION_CATEGORY,
  type CaseFactsForLights,
  type Light,
  type LightReason,
  type SupervisionPolicy,
  type ViolationCategory,
  type ViolationCode,
  type ViolationStatus,
} from '../../types/domain/supervision-lights'
import { pageLink, ROUTES } from '../../types/routes'
import { caseEvents, cases, deadlineOf, type CaseDoc } from '../case/cases'
import { getMatterDoc } from '../_kit/catalog'
import { db } from '../_kit/cloud'
import { COLLECTIONS } from '../_kit/collections'
import { insertOnce } from '../_kit/db'
import { fetchAll } from '../_kit/fetchAll'
import { log } from '../_kit/log'
import { writeNotification } from '../_kit/outbox'
import { readSetting } from '../_kit/settings'
import { workCalendar } from '../_kit/work-calendar'

/**
 * The light of one case, recomputed from what the case records: the violations found (each
 * written once, never taken back but by the supervisor dismissing it), then the light. Run by the
 * case function after every step and by the supervision function's 15-minute job; both may run at
 * once, so a change of light is one guarded write that carries its own pending audit and notices,
 * and whoever sees the pending part finishes it (each piece under a fixed id, written once).
 */

export interface LightDoc {
  _id: string
  caseNo: string
  matterId: string
  matterName: string
  departmentId: string
  handlerStaffNo?: string
  light: Light
  reasons: LightReason[]
  redSince?: Date
  yellowSince?: Date
  dueDate?: string
  updatedAt: Date
  open: boolean
  /** How many times the light changed: the guard of every write and the sequence of its audit entries. */
  changes: number
  /** A change whose audit entry and notices may not be written yet. */
  pending?: LightChange
}

export interface LightChange {
  seq: number
  from: Light
  to: Light
  reasons: LightReason[]
  at: Date
  /** What recomputed it: a step of the case, the timer job, or an appeal's decision. */
  by: RelightCause
}

export type RelightCause = 'case' | 'job' | 'appeal'

export interface ViolationDoc {
  _id: string
  caseId: string
  caseNo: string
  matterName: string
  departmentId: string
  code: ViolationCode
  category: ViolationCategory
  detail: string
  /** The staff member whose step it was. */
  staffNo?: string
  detectedAt: Date
  status: ViolationStatus
  appeal?: {
    reason: string
    by: { staffNo: string; role: string }
    at: Date
    decision?: 'upheld' | 'dismissed'
    note?: string
    decidedBy?: { staffNo: string }
    decidedAt?: Date
  }
}

export const caseLights = () => db().collection<LightDoc>(COLLECTIONS.caseLights)
export const violations = () => db().collection<ViolationDoc>(COLLECTIONS.violations)

export const readPolicy = (): Promise<SupervisionPolicy> =>
  readSetting('supervision_policy', supervisionPolicySchema, DEFAULT_SUPERVISION_POLICY)

/** The staff member who handles the case: whoever of the department acted on it last. */
const handlerOf = (events: Array<{ actor: { staffNo?: string } }>) => [...events].reverse().find((e) => e.actor.staffNo)?.actor.staffNo

/** Recomputes a case's light by id (the job, an appeal's decision); a case never submitted has none. */
export async function relightById(caseId: string, now: Date, by: RelightCause): Promise<Light | undefined> {
  const { data } = await cases().where({ _id: caseId }).limit(1).get()
  return data[0] ? relightCase(data[0], now, by) : undefined
}

export async function relightCase(doc: CaseDoc, now: Date, by: RelightCause = 'case'): Promise<Light | undefined> {
  if (!doc.submittedAt) return undefined
  const lit = isLit(doc.state)
  const [{ data: events }, matter, policy, { data: found }, { data: lights }] = await Promise.all([
    caseEvents().where({ caseId: doc._id }).orderBy('seq', 'asc').limit(1000).get(),
    getMatterDoc(doc.matterId),
    readPolicy(),
    violations().where({ caseId: doc._id }).limit(1000).get(),
    caseLights().where({ _id: doc._id }).limit(1).get(),
  ])
  const existing = lights[0]
  // A closed case that never had a light keeps none: the job's pass over closed cases only closes lights.
  if (!lit && !existing && by === 'job') return undefined
  const today = beijingDate(now)
  const d = deadlineOf(doc, now)
  const facts: CaseFactsForLights = {
    state: doc.state,
    accepted: doc.accepted,
    events: events.map((e) => ({
      seq: e.seq,
      action: e.action,
      from: e.from,
      to: e.to,
      at: new Date(e.at),
      ...(e.actor.staffNo ? { staffNo: e.actor.staffNo } : {}),
      ...(e.note ? { note: e.note } : {}),
      ...(e.reason ? { reason: e.reason } : {}),
    })),
    ...(d ? { deadline: d } : {}),
    ...(doc.decidedOn ? { decidedOn: doc.decidedOn } : {}),
    ...(doc.acceptance ? { acceptance: doc.acceptance } : {}),
    matterWindowIds: matter.windowIds,
    ...(doc.fee ? { fee: doc.fee } : {}),
    ...(doc.result ? { result: doc.result } : {}),
  }
  const rules = rulesFor(policy, doc.matterId, doc.matterKind)
  const detected = detectViolations(facts, rules, policy.minReasonChars, today, workCalendar())
  const known = new Map(found.map((v) => [v._id, v]))
  const fresh: ViolationDoc[] = detected
    .map((v) => ({
      _id: `${doc._id}:${v.key}`,
      caseId: doc._id,
      caseNo: doc.caseNo,
      matterName: doc.matterName,
      departmentId: doc.departmentId,
      code: v.code,
      category: VIOLATION_CATEGORY[v.code],
      detail: v.detail,
      ...(v.staffNo ? { staffNo: v.staffNo } : {}),
      detectedAt: now,
      status: 'open' as const,
    }))
    .filter((v) => !known.has(v._id))
  await Promise.all(fresh.map((v) => insertOnce(COLLECTIONS.violations, v)))
  const counting = [...found, ...fresh].filter((v) => counts(v.status)).sort((a, b) => +new Date(a.detectedAt) - +new Date(b.detectedAt))
  const { light, reasons } = lightOf(facts, rules, counting)
  const handlerStaffNo = handlerOf(events)
  const base = {
    caseNo: doc.caseNo,
    matterId: doc.matterId,
    matterName: doc.matterName,
    departmentId: doc.departmentId,
    ...(handlerStaffNo ? { handlerStaffNo } : {}),
    reasons,
    ...(d ? { dueDate: d.dueDate } : {}),
    updatedAt: now,
    open: lit,
  }
  await writeLight(doc, existing, base, light, now, by)
  return light
}

type LightBase = Omit<LightDoc, '_id' | 'light' | 'changes' | 'pending' | 'redSince' | 'yellowSince'>

/** Writes the light; a change goes with its pending record in the same write, then is finished. Two tries against a concurrent writer. */
async function writeLight(doc: CaseDoc, existing: LightDoc | undefined, base: LightBase, light: Light, now: Date, by: RelightCause) {
  const _ = db().command
  for (let attempt = 0; attempt < 2; attempt++) {
    if (existing?.pending) await finishChange(existing, existing.pending)
    const from: Light = existing?.light ?? 'green'
    const change: LightChange | undefined =
      from === light ? undefined : { seq: (existing?.changes ?? 0) + 1, from, to: light, reasons: base.reasons, at: now, by }
    // Nothing to say: no write, so `updatedAt` is when the light or its reasons last changed.
    if (existing && !change && unchanged(existing, base)) return
    const since = {
      redSince: light === 'red' ? (from === 'red' ? existing?.redSince : now) : undefined,
      yellowSince: light === 'yellow' ? (from === 'yellow' ? existing?.yellowSince : now) : undefined,
    }
    if (!existing) {
      const created: LightDoc = {
        _id: doc._id,
        ...base,
        light,
        changes: change ? 1 : 0,
        ...(since.redSince ? { redSince: since.redSince } : {}),
        ...(since.yellowSince ? { yellowSince: since.yellowSince } : {}),
        ...(change ? { pending: change } : {}),
      }
      if (await insertOnce(COLLECTIONS.caseLights, created)) {
        if (change) await finishChange(created, change)
        return
      }
      existing = (await caseLights().where({ _id: doc._id }).limit(1).get()).data[0]
      continue
    }
    const set = (v: unknown) => (v === undefined ? _.remove() : v !== null && typeof v === 'object' && !(v instanceof Date) ? _.set(v) : v)
    const data: Record<string, unknown> = Object.fromEntries(
      Object.entries({
        ...base,
        handlerStaffNo: base.handlerStaffNo,
        dueDate: base.dueDate,
        light,
        redSince: since.redSince,
        yellowSince: since.yellowSince,
        changes: change ? change.seq : existing.changes,
        pending: change,
      }).map(([k, v]) => [k, set(v)]),
    )
    const { stats } = await caseLights().where({ _id: doc._id, changes: existing.changes }).update({ data })
    if (stats.updated === 1) {
      if (change) await finishChange({ ...existing, ...base }, change)
      return
    }
    // Nothing updated: either another writer moved it on (try again on what it wrote), or the
    // document already held exactly these values (a database counts no update then).
    const stored = (await caseLights().where({ _id: doc._id }).limit(1).get()).data[0]
    if (!change && stored?.changes === existing.changes && stored.light === light) return
    existing = stored
  }
  log.error('supervision.relight', new Error(`${doc._id}: the light changed under two tries; the job recomputes it`))
}

const SAME_FIELDS = ['caseNo', 'matterId', 'matterName', 'departmentId', 'handlerStaffNo', 'dueDate', 'open'] as const
const unchanged = (l: LightDoc, base: LightBase) =>
  SAME_FIELDS.every((k) => l[k] === base[k]) && JSON.stringify(l.reasons) === JSON.stringify(base.reasons)

/** The audit entry and the notices of one change of light, each under its fixed id, then the pending mark cleared. */
export async function finishChange(
  l: Pick<LightDoc, '_id' | 'caseNo' | 'matterName' | 'departmentId' | 'handlerStaffNo' | 'open'>,
  c: LightChange,
) {
  await insertOnce(COLLECTIONS.audit, {
    _id: `lt-${l._id}-${c.seq}`,
    kind: 'light_change',
    caseId: l._id,
    caseNo: l.caseNo,
    departmentId: l.departmentId,
    from: c.from,
    to: c.to,
    reasons: c.reasons,
    by: c.by,
    at: c.at,
  })
  // A closed case (its last step found something) is in the lists; nobody can act on it any more.
  if (c.to !== 'green' && l.open) {
    const to = await recipientsOf(l, c.to)
    const first = c.reasons[0]
    await Promise.all(
      to.map((openid) =>
        writeNotification({
          event: 'supervision.case_light',
          subjectId: `${l._id}:${c.seq}`,
          recipient: openid,
          data: {
            matterName: l.matterName,
            caseNo: l.caseNo,
            light: LIGHT_LABELS[c.to],
            reason: first ? `${first.label}：${first.detail}` : LIGHT_LABELS[c.to],
            more: Math.max(0, c.reasons.length - 1),
          },
          page: pageLink(ROUTES.supervisionCase, { id: l._id }),
        }),
      ),
    )
  }
  await caseLights()
    .where({ _id: l._id, 'pending.seq': c.seq })
    .update({ data: { pending: db().command.remove() } })
}

/** Yellow: the handling staff member. Red: also the department's leads and the centre office's supervisors. */
async function recipientsOf(l: Pick<LightDoc, 'departmentId' | 'handlerStaffNo'>, light: Light): Promise<string[]> {
  const [handler, leads, supervisors] = await Promise.all([
    l.handlerStaffNo ? fetchAll<Staff>(COLLECTIONS.staff, { staffNo: l.handlerStaffNo, active: true }) : Promise.resolve([]),
    light === 'red'
      ? fetchAll<Staff>(COLLECTIONS.staff, { role: 'dept_lead', departmentId: l.departmentId, active: true })
      : Promise.resolve([]),
    light === 'red' ? fetchAll<Staff>(COLLECTIONS.staff, { role: 'supervisor', active: true }) : Promise.resolve([]),
  ])
  return [...new Set([...handler, ...leads, ...supervisors].map((s) => s.openid))]
}
