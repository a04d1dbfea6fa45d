import { randomInt } from 'node:crypto'
import type { CaseInput } from '../../../types/contracts/case'
import { newCaseNumber } from '../../../types/domain/case-number'
import { newQueryCode } from '../../../types/domain/lookup'
import { maskIdNumber, maskName, maskPhone } from '../../../types/domain/masking'
import type { Profile } from '../../../types/domain/profile'
import { getMatterDoc } from '../../_kit/catalog'
import { db } from '../../_kit/cloud'
import { insertOnce } from '../../_kit/db'
import { AppError } from '../../_kit/errors'
import type { ActionContext } from '../../_kit/handler'
import { fingerprintOf, once } from '../../_kit/idempotency'
import { personKey, randomHex } from '../../_kit/ids'
import { confirmPrepared } from '../../assist/confirm'
import { checkForm, whatIsMissing } from '../application'
import { cases, editableCase, writeGuarded, type CaseDoc } from '../cases'

const applicantOf = (p: Profile): CaseDoc['applicant'] => ({
  name: p.name,
  nameMasked: maskName(p.name),
  idNumber: p.idNumber,
  idMasked: maskIdNumber(p.idNumber),
  idKey: personKey(p.idNumber),
  phone: p.phone,
  phoneMasked: maskPhone(p.phone),
  ...(p.address ? { address: p.address } : {}),
})

type CreateInput = CaseInput<'createDraft'>

/**
 * Starts an application for a matter that can be applied for online; the form may be incomplete.
 * The case gets its query code (查询码, types/domain/lookup.ts) here, with its number. An
 * application a 帮办 helper prepared names its request: the request is confirmed first and gives
 * the case its id, so retries (or a crash between the two writes) end in the one case.
 */
export async function createDraft(input: CreateInput, ctx: ActionContext) {
  const { openid } = await ctx.caller()
  return once('case.createDraft', openid, input.requestId, fingerprintOf({ ...input }), async () => {
    const matter = await getMatterDoc(input.matterId)
    if (!matter.flags.onlineApplication) throw new AppError('CONFLICT', '该事项暂不支持网上申请，请到窗口办理')
    const assisted = input.assistId ? await confirmPrepared(input.assistId, openid, matter.id, ctx.now) : undefined
    if (assisted) {
      const existing = await caseOf(assisted.caseId, openid)
      if (existing) return existing
    }
    const formFields = matter.formFields ?? []
    const doc: Omit<CaseDoc, 'caseNo'> = {
      _id: assisted?.caseId ?? `cs-${randomHex(20)}`,
      ...(input.assistId ? { assistId: input.assistId } : {}),
      openid,
      matterId: matter.id,
      matterName: matter.name,
      matterKind: matter.kind,
      departmentId: matter.departmentId,
      departments: [matter.departmentId, ...(matter.kind === 'joint' ? (matter.jointDepartmentIds ?? []) : [])],
      formFields,
      state: 'draft',
      step: 0,
      rev: 0,
      accepted: false,
      applicant: applicantOf(input.applicant),
      ...(input.relation ? { onBehalf: { relation: input.relation } } : {}),
      form: checkForm(formFields, input.form, true),
      delivery: input.delivery,
      materials: matter.materials.map((m) => ({ name: m.name, required: m.required, uploadable: m.uploadable, files: [] })),
      namedKeys: [],
      pauses: [],
      clockRunning: false,
      createdAt: ctx.now,
      updatedAt: ctx.now,
      queryCode: newQueryCode(randomInt),
    }
    const caseNo = await insertWithNumber(doc)
    return { caseId: doc._id, caseNo }
  })
}

const caseOf = async (caseId: string, openid: string) => {
  const { data } = await cases().where({ _id: caseId, openid }).limit(1).get()
  return data[0] && { caseId: data[0]._id, caseNo: data[0].caseNo }
}

/**
 * A fresh random case number per try; the unique index on caseNo settles the (2^-64) collision.
 * A case id given in advance (an assisted application) may already be written by a concurrent
 * retry: then that case is the answer.
 */
async function insertWithNumber(doc: Omit<CaseDoc, 'caseNo'>): Promise<string> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const caseNo = newCaseNumber(randomInt)
    if (await insertOnce(cases(), { ...doc, caseNo })) return caseNo
    const existing = await caseOf(doc._id, doc.openid)
    if (existing) return existing.caseNo
  }
  throw new Error('five case numbers in a row were taken')
}

type SaveInput = CaseInput<'saveDraft'>

/** Saves what the citizen typed so far (a draft, or a case waiting for a supplement). */
export async function saveDraft(input: SaveInput, ctx: ActionContext) {
  const doc = await editableCase(input.caseId, await ctx.caller())
  const changes: Partial<CaseDoc> = {}
  if (input.form) changes.form = checkForm(doc.formFields, input.form, true)
  if (input.applicant) changes.applicant = applicantOf(input.applicant)
  if (input.delivery) changes.delivery = input.delivery
  if (input.relation) changes.onBehalf = { relation: input.relation }
  // An empty relation: the holder applies for themselves again (a removal goes beside the replaced fields).
  const cleared = input.relation === '' ? { onBehalf: db().command.remove() } : {}
  await writeGuarded(doc, changes as Record<string, unknown>, ctx.now, cleared)
  return { caseId: doc._id, missing: whatIsMissing({ ...doc, ...changes }).map((i) => i.message) }
}
