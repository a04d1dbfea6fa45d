import { randomInt } from 'node:crypto'
import type { CaseInput } from '../../../types/contracts/case'
import { refusal, transitionOf, type CaseAction } from '../../../types/domain/case-machine'
import { casePolicySchema, DEFAULT_CASE_POLICY, defaultPickupWindowId } from '../../../types/domain/case-pickup'
import { itemKey, newlyNamed, type SupplementItem } from '../../../types/domain/case-supplement'
import { missingUploads } from '../../../types/domain/case-material'
import { windowPlace, type Matter, type ServiceWindow } from '../../../types/domain/catalog'
import type { EventPayload } from '../../../types/domain/event-payloads'
import { pageLink, ROUTES } from '../../../types/routes'
import { getDepartment, getMatterDoc, getWindow, windowsById } from '../../_kit/catalog'
import { AppError } from '../../_kit/errors'
import type { ActionContext } from '../../_kit/handler'
import type { Caller } from '../../_kit/identity'
import { log } from '../../_kit/log'
import { assertActsAtWindow } from '../../_kit/staff-scope'
import { enqueueNotification } from '../../_kit/outbox'
import { readSetting } from '../../_kit/settings'
import { workCalendar } from '../../_kit/work-calendar'
import { relightCase } from '../../_supervision/relight'
import { checkForm, whatIsMissing } from '../application'
import { recordAudit } from '../audit'
import { deadlineOf, loadCase, factsOf, move, today, type CaseDoc, type CaseEvent } from '../cases'
import { caseNoticeFields, notifyFollowers, type CaseNotice, type CaseNoticeEvent } from './follow-bindings'

type ActInput = CaseInput<'act'>

/** What a step tells the case's people: an event with its payload, about the case unless it names a sub-subject. */
type StepNotice = { [E in CaseNoticeEvent]: { event: E; subjectId?: string; data: EventPayload<E> } }[CaseNoticeEvent]

interface Step {
  changes: Record<string, unknown>
  /** The stated reason written on the timeline entry (a refusal, a supplement request). */
  reason?: string
  notify?: StepNotice
  after?: () => Promise<unknown>
}

const invalid = (path: string, message: string) => new AppError('INVALID_INPUT', message, [{ path, message }])

/** Where the case's result is handed out: the `settings` document `case_policy`, else the rule of types/domain/case-pickup.ts. */
async function pickupWindow(doc: CaseDoc): Promise<ServiceWindow> {
  const policy = await readSetting('case_policy', casePolicySchema, DEFAULT_CASE_POLICY)
  if (policy.pickupWindowId) return getWindow(policy.pickupWindowId)
  const [windows, matter] = await Promise.all([windowsById(), getMatterDoc(doc.matterId)])
  const id = defaultPickupWindowId(windows.values(), matter.windowIds)
  if (!id) throw new AppError('CONFLICT', '未设置出件窗口，请联系管理员')
  return getWindow(id)
}

/**
 * Moves a case one step along the state table (types/domain/case-machine.ts). The actor comes
 * from the case and the caller, never from the input: the owner is the applicant, staff act for
 * the case's department; supervisors and 联办 departments only read.
 */
export async function act(input: ActInput, ctx: ActionContext) {
  const caller = await ctx.caller()
  const { doc, access } = await loadCase(input.caseId, caller)
  if (access.kind === 'supervisor' || access.kind === 'joint') throw new AppError('FORBIDDEN', '您只能查看该办件，不能办理')
  const actor = access.actor
  const why = refusal(input.transition, actor, factsOf(doc))
  if (why) throw new AppError(transitionOf(input.transition).by.includes(actor) ? 'CONFLICT' : 'FORBIDDEN', why)

  const step = await STEPS[input.transition](doc, input, ctx.now, caller)
  const by: CaseEvent['actor'] =
    actor === 'applicant' ? { role: 'applicant' } : { role: caller.staff!.role, staffNo: caller.staff!.staffNo }
  const moved = await move(
    doc,
    input.transition,
    by,
    step.changes,
    { note: input.note, reason: step.reason, internal: actor !== 'applicant' && input.internal },
    ctx.now,
  )
  // 电子监察: the light follows the step at once; the 15-minute job is the safety net, so a failure here never undoes the step.
  await relightCase(moved, ctx.now).catch((e) => log.error('case.act.relight', e))
  if (step.after) await step.after()
  if (step.notify) {
    const n: CaseNotice = { subjectId: doc._id, ...step.notify }
    await Promise.all([
      enqueueNotification({ ...n, recipient: doc.openid, page: pageLink(ROUTES.caseDetail, { id: doc._id }) }).catch((e) =>
        log.error('case.act.notify', e),
      ),
      // Bound relatives (亲属代查) get the same event under their own OPENID.
      notifyFollowers(doc, n).catch((e) => log.error('case.act.notify.followers', e)),
    ])
  }
  return { caseId: doc._id, state: moved.state }
}

type StepFn = (doc: CaseDoc, input: ActInput, now: Date, caller: Caller) => Promise<Step>

/** What a supplement request asks for, as the message counts it: files to upload and details to correct (fields and anything else). */
const supplementCounts = (items: SupplementItem[]) => ({
  materials: items.filter((i) => i.material !== undefined).length,
  details: items.filter((i) => i.material === undefined).length,
})

function complete(doc: CaseDoc): void {
  const missing = whatIsMissing(doc)
  if (missing.length) throw new AppError('INVALID_INPUT', '申请内容不完整，请补齐后再提交', missing)
  checkForm(doc.formFields, doc.form, false)
}

const decided = (doc: CaseDoc, now: Date, decision: 'approved' | 'rejected', reason?: string) => ({
  decidedOn: today(now),
  clockRunning: false,
  result: { ...doc.result, decision, ...(reason ? { reason } : {}) },
})

/**
 * What supervision needs to know of an acceptance: who, at which window (the one named, else the
 * staff member's only window), and which required materials had no file then — those the case
 * lists and those the catalogue requires now but the case's checklist (copied at its draft) lacks.
 */
async function acceptanceOf(doc: CaseDoc, input: ActInput, caller: Caller, matter: Matter): Promise<CaseDoc['acceptance']> {
  const staff = caller.staff!
  const windowId = input.windowId ?? (staff.windowIds.length === 1 ? staff.windowIds[0] : undefined)
  const w = windowId ? await getWindow(windowId) : undefined
  if (w && input.windowId) assertActsAtWindow(caller, w)
  const names = new Set(doc.materials.map((m) => m.name))
  const missing = [
    ...missingUploads(doc.materials).map((m) => doc.materials[m.index].name),
    ...matter.materials.filter((m) => m.required && m.uploadable && !names.has(m.name)).map((m) => m.name),
  ]
  return { staffNo: staff.staffNo, ...(w ? { window: { id: w.id, number: w.number } } : {}), staffWindowIds: staff.windowIds, missing }
}

/** 办结 with approval: the decision, and the fee charged beside the catalogue's standard at that moment. */
async function finished(doc: CaseDoc, input: ActInput, now: Date, caller: Caller): Promise<Step> {
  const matter = await getMatterDoc(doc.matterId)
  return {
    changes: { ...decided(doc, now, 'approved'), fee: { charged: input.fee!, standard: matter.fee, staffNo: caller.staff!.staffNo } },
    notify: { event: 'case.approved', data: caseNoticeFields(doc) },
  }
}

const STEPS: Record<CaseAction, StepFn> = {
  async submit(doc, _input, now) {
    complete(doc)
    return { changes: { submittedAt: now } }
  },

  async startPreReview() {
    return { changes: {} }
  },

  async requestSupplement(doc, input, now, caller) {
    const items = input.items!
    items.forEach((it, i) => {
      if (it.material !== undefined && !doc.materials[it.material]) throw invalid(`items.${i}.material`, '该事项没有这项材料')
      if (it.field !== undefined && !doc.formFields.some((f) => f.key === it.field)) throw invalid(`items.${i}.field`, '申请表没有这个字段')
    })
    const round = (doc.supplement?.round ?? 0) + 1
    const fresh = round > 1 ? newlyNamed(doc.namedKeys, items) : []
    const day = today(now)
    const staff = caller.staff!
    return {
      reason: items
        .map((it) => it.problem)
        .join('；')
        .slice(0, 300),
      changes: {
        supplement: {
          round,
          items,
          ...(input.note ? { note: input.note } : {}),
          requestedAt: now,
          staffNo: staff.staffNo,
          // The files each named material had when asked, and each named field's value: resubmission needs a change to every one.
          filesBefore: items
            .filter((it) => it.material !== undefined)
            .map((it) => ({ material: it.material!, libraryIds: doc.materials[it.material!].files.map((f) => f.libraryId) })),
          fieldsBefore: items
            .filter((it) => it.field !== undefined)
            .map((it) => ({ field: it.field!, value: String(doc.form[it.field!] ?? '') })),
        },
        namedKeys: [...new Set([...doc.namedKeys, ...items.map(itemKey)])],
        // After acceptance the legal clock stops until the citizen resubmits.
        ...(doc.accepted ? { pauses: [...doc.pauses, { from: day }], clockRunning: false } : {}),
      },
      notify: {
        event: 'case.supplement_requested',
        subjectId: `${doc._id}:${round}`,
        data: { ...caseNoticeFields(doc), items: items.length, ...supplementCounts(items) },
      },
      after: fresh.length
        ? () =>
            recordAudit({
              kind: 'process_error',
              rule: 'supplement_not_once',
              caseId: doc._id,
              caseNo: doc.caseNo,
              staffNo: staff.staffNo,
              departmentId: staff.departmentId,
              round,
              newItems: fresh,
              at: now,
            })
        : undefined,
    }
  },

  async resubmit(doc, _input, now) {
    complete(doc)
    const s = doc.supplement
    if (s) {
      const untouched = s.filesBefore.filter((b) => doc.materials[b.material].files.every((f) => b.libraryIds.includes(f.libraryId)))
      const unchanged = (s.fieldsBefore ?? []).filter((b) => String(doc.form[b.field] ?? '') === b.value)
      if (untouched.length || unchanged.length) {
        const label = (key: string) => doc.formFields.find((f) => f.key === key)?.label ?? key
        throw new AppError('INVALID_INPUT', `还有${untouched.length + unchanged.length}项需要补正的内容未修改`, [
          ...untouched.map((b) => ({ path: `materials.${b.material}`, message: `请重新上传${doc.materials[b.material].name}` })),
          ...unchanged.map((b) => ({ path: `form.${b.field}`, message: `请按补正要求修改${label(b.field)}` })),
        ])
      }
    }
    if (!doc.accepted) return { changes: {} }
    const day = today(now)
    const pauses = doc.pauses.map((p, i) => (i === doc.pauses.length - 1 && !p.to ? { ...p, to: day } : p))
    const d = deadlineOf({ ...doc, pauses }, now)!
    return { changes: { pauses, dueDate: d.dueDate, ...(d.legalDueDate ? { legalDueDate: d.legalDueDate } : {}), clockRunning: true } }
  },

  async accept(doc, input, now, caller) {
    const matter = await getMatterDoc(doc.matterId)
    const acceptance = await acceptanceOf(doc, input, caller, matter)
    const acceptedOn = today(now)
    const limitDays = matter.promisedLimitDays
    const cal = workCalendar()
    return {
      changes: {
        accepted: true,
        acceptedOn,
        limitDays,
        pauses: [],
        dueDate: cal.addWorkingDays(acceptedOn, limitDays),
        legalLimitDays: matter.legalLimitDays,
        legalDueDate: cal.addWorkingDays(acceptedOn, matter.legalLimitDays),
        clockRunning: true,
        acceptance,
        ...(doc.matterKind === 'joint' ? { subtasks: doc.departments.map((departmentId) => ({ departmentId, done: false })) } : {}),
      },
      notify: { event: 'case.accepted', data: { ...caseNoticeFields(doc), promisedDays: limitDays } },
    }
  },

  async startProcessing() {
    return { changes: {} }
  },

  async completeImmediately(doc, input, now, caller) {
    return finished(doc, input, now, caller)
  },

  async approve(doc, input, now, caller) {
    return finished(doc, input, now, caller)
  },

  async reject(doc, input, now) {
    return {
      reason: input.reason,
      changes: decided(doc, now, 'rejected', input.reason),
      notify: { event: 'case.rejected', data: { ...caseNoticeFields(doc), reason: input.reason! } },
    }
  },

  async readyForPickup(doc) {
    const w = await pickupWindow(doc)
    const dept = await getDepartment(w.departmentId)
    const pickup = {
      code: String(randomInt(0, 1_000_000)).padStart(6, '0'),
      windowId: w.id,
      windowName: w.name,
      windowNumber: w.number,
      location: dept?.location ?? '',
    }
    return {
      changes: { result: { ...doc.result, pickup } },
      // The code itself is not put in the message queue: the citizen reads it in the app.
      notify: {
        event: 'case.ready_for_pickup',
        data: { ...caseNoticeFields(doc), place: windowPlace(pickup.location, pickup.windowNumber) },
      },
    }
  },

  async mail(doc, input) {
    const m = input.mail!
    const address = m.address ?? (doc.delivery.method === 'mail' ? doc.delivery.address : undefined)
    if (!address) throw invalid('mail.address', '申请人未选择邮寄，请填写邮寄地址')
    return { changes: { result: { ...doc.result, mail: { address, trackingNo: m.trackingNo, carrier: m.carrier } } } }
  },

  async complete(doc, input) {
    if (doc.state === 'ready_for_pickup' && input.pickupCode !== doc.result?.pickup?.code)
      throw invalid('pickupCode', '取件码不正确，请核对')
    return {
      changes: {},
      notify: { event: 'case.completed', data: { ...caseNoticeFields(doc), how: doc.state === 'mailed' ? 'mail' : 'pickup' } },
    }
  },

  async withdraw() {
    return { changes: { clockRunning: false } }
  },
}
