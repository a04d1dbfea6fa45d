import type { CaseView } from '../../../types/contracts/case'
import type { CaseInput } from '../../../types/contracts/case'
import { allowedActions, CASE_STATE_LABELS, citizenStepLabel, transitionOf } from '../../../types/domain/case-machine'
import { itemKey } from '../../../types/domain/case-supplement'
import { maskAddress, maskDelivery, maskForm, maskName, maskPhone, redact } from '../../../types/domain/masking'
import type { Department } from '../../../types/domain/catalog'
import { getMatterDoc } from '../../_kit/catalog'
import { db } from '../../_kit/cloud'
import { COLLECTIONS } from '../../_kit/collections'
import { fetchAll } from '../../_kit/fetchAll'
import type { ActionContext } from '../../_kit/handler'
import type { Caller } from '../../_kit/identity'
import { recordAudit } from '../audit'
import {
  caseEvents,
  cases,
  deadlineChangesOf,
  deadlineOf,
  factsOf,
  iso,
  loadCase,
  summaryOf,
  type CaseAccess,
  type CaseDoc,
} from '../cases'
import { tempUrls } from '../files'
import { predictionOf } from '../cases'
import { queryCodeOf } from './lookup'

/** The form and checklist of a matter, for the application page (the same schema checks it here). */
export async function applicationForm({ matterId }: CaseInput<'applicationForm'>) {
  const m = await getMatterDoc(matterId)
  return {
    matterId: m.id,
    matterName: m.name,
    kind: m.kind,
    onlineApplication: m.flags.onlineApplication,
    formFields: m.formFields ?? [],
    materials: m.materials.map((x, index) => ({
      index,
      name: x.name,
      form: x.form,
      required: x.required,
      uploadable: x.uploadable,
      ...(x.notes ? { notes: x.notes } : {}),
    })),
  }
}

/** The caller's own cases, newest first (the latest 100). */
export async function myCases({ state }: CaseInput<'myCases'>, ctx: ActionContext) {
  const { openid } = await ctx.caller()
  const { data } = await cases()
    .where({ openid, ...(state ? { state } : {}) })
    .orderBy('createdAt', 'desc')
    .limit(100)
    .get()
  return { cases: data.map((d) => summaryOf(d, ctx.now)) }
}

/**
 * One case with its timeline, deadline, materials and the caller's buttons. Staff reads are
 * audited before anything is answered; material URLs are issued only after the access check and
 * expire within 10 minutes. The citizen never sees internal notes; staff never see the pickup code.
 */
export async function getCase({ caseId }: CaseInput<'getCase'>, ctx: ActionContext): Promise<CaseView> {
  const caller = await ctx.caller()
  const { doc, access } = await loadCase(caseId, caller)
  if (access.kind !== 'owner') {
    const s = caller.staff!
    await recordAudit({
      kind: 'staff_read',
      caseId: doc._id,
      caseNo: doc.caseNo,
      staffNo: s.staffNo,
      role: s.role,
      departmentId: s.departmentId,
      at: ctx.now,
    })
  }
  const withUrls = access.kind !== 'supervisor'
  const [{ data: events }, urls, departments, queryCode, matter, prediction] = await Promise.all([
    caseEvents().where({ caseId: doc._id }).orderBy('seq', 'asc').limit(1000).get(),
    withUrls ? tempUrls(doc.materials.flatMap((m) => m.files.map((f) => f.fileId))) : Promise.resolve(new Map<string, string>()),
    doc.subtasks
      ? fetchAll<Department>(COLLECTIONS.departments, { _id: db().command.in(doc.departments) })
      : Promise.resolve([] as Department[]),
    access.kind === 'owner' && doc.state !== 'draft' ? queryCodeOf(doc) : undefined,
    // Until acceptance the case has no clock: the matter says how long it will be (a catalogue read, cached).
    doc.acceptedOn ? undefined : getMatterDoc(doc.matterId).catch(() => undefined),
    predictionOf(doc, ctx.now),
  ])
  return {
    ...toView(doc, access, caller, events, urls, departments, ctx.now),
    ...(queryCode ? { queryCode } : {}),
    ...(matter ? { promisedLimitDays: matter.promisedLimitDays } : {}),
    ...(prediction ? { prediction } : {}),
  }
}

/**
 * The view for one caller. The masked view (supervisors: they watch deadlines and process, not
 * people) masks every piece of personal data the case holds: the applicant block, the form
 * values by field type (masking.ts maskForm: ID numbers, phones, typed text such as an emergency
 * contact's name or an address, dates), the mail recipient, phone and address, and ID or phone
 * numbers inside the staff's free text (notes, reasons, supplement problems).
 */
function toView(
  doc: CaseDoc,
  access: CaseAccess,
  caller: Caller,
  events: Awaited<ReturnType<ReturnType<typeof caseEvents>['get']>>['data'],
  urls: Map<string, string>,
  departments: Department[],
  now: Date,
): CaseView {
  const owner = access.kind === 'owner'
  const a = doc.applicant
  const masked = access.kind === 'supervisor'
  const text = (t: string) => (masked ? redact(t) : t)
  const facts = factsOf(doc)
  const myDept = caller.staff?.departmentId
  const deadline = deadlineOf(doc, now)
  const s = doc.supplement
  const r = doc.result
  return {
    caseId: doc._id,
    caseNo: doc.caseNo,
    matterId: doc.matterId,
    matterName: doc.matterName,
    matterKind: doc.matterKind,
    departmentId: doc.departmentId,
    state: doc.state,
    stateLabel: CASE_STATE_LABELS[doc.state],
    ...(doc.onBehalf ? { onBehalf: { relation: doc.onBehalf.relation } } : {}),
    applicant: {
      name: masked ? maskName(a.name) : a.name,
      idNumber: masked ? a.idMasked : a.idNumber,
      idNumberMasked: a.idMasked,
      phone: masked ? maskPhone(a.phone) : a.phone,
      ...(a.address && !masked ? { address: a.address } : {}),
    },
    form: masked ? maskForm(doc.formFields, doc.form) : doc.form,
    formFields: doc.formFields,
    delivery: masked ? maskDelivery(doc.delivery) : doc.delivery,
    materials: doc.materials.map((m, index) => ({
      index,
      name: m.name,
      required: m.required,
      uploadable: m.uploadable,
      files: m.files.map((f) => ({
        libraryId: f.libraryId,
        fileName: f.fileName,
        contentType: f.contentType,
        size: f.size,
        ...(urls.has(f.fileId) ? { url: urls.get(f.fileId) } : {}),
      })),
    })),
    ...(s
      ? {
          supplement: {
            round: s.round,
            items: s.items.map((it) => ({ target: targetLabel(doc, it), problem: text(it.problem) })),
            ...(s.note ? { note: text(s.note) } : {}),
            requestedAt: iso(s.requestedAt)!,
          },
        }
      : {}),
    ...(deadline ? { deadline: { ...deadline, ...(owner ? { legalDueDate: undefined } : {}) } } : {}),
    deadlineChanges: deadlineChangesOf(doc),
    ...(doc.subtasks
      ? {
          subtasks: doc.subtasks.map((t) => ({
            departmentId: t.departmentId,
            departmentName: departments.find((d) => d.id === t.departmentId)?.name ?? t.departmentId,
            done: t.done,
            ...(t.doneAt ? { doneAt: iso(t.doneAt) } : {}),
            ...(t.staffNo ? { staffNo: t.staffNo } : {}),
          })),
        }
      : {}),
    ...(r
      ? {
          result: {
            ...(r.decision ? { decision: r.decision } : {}),
            ...(r.reason ? { reason: text(r.reason) } : {}),
            ...(r.pickup
              ? {
                  pickup: {
                    // Once handed over the code has done its work: it is no longer shown.
                    ...(owner && doc.state === 'ready_for_pickup' ? { code: r.pickup.code } : {}),
                    windowName: r.pickup.windowName,
                    windowNumber: r.pickup.windowNumber,
                    location: r.pickup.location,
                  },
                }
              : {}),
            ...(r.mail ? { mail: masked ? { ...r.mail, address: maskAddress(r.mail.address) } : r.mail } : {}),
          },
        }
      : {}),
    // 全程公开: the citizen sees every step; only a note staff marked internal stays inside the centre.
    timeline: events.map((e) => ({
      seq: e.seq,
      action: e.action,
      label: owner ? citizenStepLabel(e.action, e.from) : transitionOf(e.action).label,
      from: e.from,
      to: e.to,
      actor: e.actor,
      at: iso(e.at)!,
      ...(e.note && !(owner && e.internal) ? { note: text(e.note) } : {}),
      internal: e.internal && !owner,
    })),
    allowedActions: access.kind === 'owner' || access.kind === 'staff' ? allowedActions(access.actor, facts) : [],
    canCompleteSubtask:
      (access.kind === 'staff' || access.kind === 'joint') &&
      doc.state === 'in_process' &&
      !!doc.subtasks?.some((t) => t.departmentId === myDept && !t.done),
    createdAt: iso(doc.createdAt)!,
    ...(doc.submittedAt ? { submittedAt: iso(doc.submittedAt) } : {}),
  }
}

function targetLabel(doc: CaseDoc, it: { material?: number; field?: string; other?: string }): string {
  if (it.material !== undefined) return doc.materials[it.material]?.name ?? itemKey(it)
  if (it.field !== undefined) return doc.formFields.find((f) => f.key === it.field)?.label ?? it.field
  return it.other ?? ''
}
