/** Shared set-up of the door-to-door (上门服务) tests: a cloud with the demo centre, the visit and notify functions, and builders. */
import { randomInt } from 'node:crypto'
import { staff as seededStaff } from '../../local/seed/staff'
import { notifyContract, visitContract } from '../../types/contracts'
import type { ActionInput } from '../../types/contracts/contract'
import { newCaseNumber } from '../../types/domain/case-number'
import type { CaseState } from '../../types/domain/case-machine'
import { ok } from './calls'
import type { TestCloud } from './cloud'
import { A, PASSPORT, startDemoCloud } from './demo'
import { newRequestId } from './people'

export { A, ADMIN, B, LEAD, PASSPORT, STAFF, STAFF_SCJG, SUPERVISOR } from './demo'

/** The notify function answers the outbox's immediate delivery, so pushes can be seen as WeChat received them. */
export const startVisitCloud = (): Promise<TestCloud> => startDemoCloud(['visit', 'notify'])

const seeded = (role: string, departmentId: string) =>
  seededStaff.filter((s) => s.role === role && s.departmentId === departmentId && s.active && !s.openid.startsWith('demo-staff-crj'))
/** A second window staff member of 出入境 (not 王芳): assigned nothing, so a stranger to the request within the department. */
export const OTHER_CRJ_STAFF = seeded('window_staff', 'dept-crj')[0]
/** The lead of 市场监管 (dept-scjg): a lead, but of another department than the passport's. */
export const SCJG_LEAD = seeded('dept_lead', 'dept-scjg')[0]
/** 王芳's staff number: window staff of 出入境, the passport's department. */
export const STAFF_NO = 'ZW0001'

/** A matter of the demo catalogue without door-to-door service (港澳通行证). */
export const NOT_DOOR_TO_DOOR = 'm-hk-macao-permit'

type RequestInput = ActionInput<typeof visitContract, 'request'>

export function visitClient(t: TestCloud) {
  const call = t.api(visitContract)
  const notify = t.api(notifyContract)
  /** A request for the passport on `dates` (the first working days of the horizon when not given). */
  const request = async (openid = A, over: Partial<RequestInput> = {}) => {
    const dates = over.preferred ? [] : (await ok(call({ action: 'options', matterId: over.matterId ?? PASSPORT }, openid))).dates
    return call(
      {
        action: 'request',
        matterId: PASSPORT,
        reason: 'elderly',
        relation: 'child',
        personName: '张秀英',
        personPhone: '13812345678',
        contactPhone: '13987654321',
        address: '绛县古绛镇城北街12号3单元201',
        preferred: over.preferred ?? [
          { date: dates[0], half: 'am' },
          { date: dates[1], half: 'pm' },
        ],
        requestId: newRequestId(),
        ...over,
      },
      openid,
    )
  }
  const docs = async (where: Record<string, unknown> = {}) => (await t.db.collection('visits').where(where).limit(100).get()).data
  /** The outbox events about a request, sorted, with their recipients. */
  const notices = async (visitId: string) =>
    (await t.db.collection('outbox').where({ subjectRoot: visitId }).limit(100).get()).data
      .map((d) => `${String(d.event)}→${String(d.recipient)}`)
      .sort()
  /** A case of `openid` for `matterId`, written as the case function stores it (only the fields a link reads). */
  const insertCase = async (openid: string, matterId = PASSPORT, state: CaseState = 'submitted') => {
    const caseNo = newCaseNumber((n) => randomInt(n))
    const _id = `cs-${randomInt(1e9).toString(16).padStart(20, '0')}`
    await t.db.collection('cases').add({ data: { _id, caseNo, openid, matterId, state, createdAt: new Date() } })
    return { caseId: _id, caseNo }
  }
  const grantPush = (openid: string) =>
    notify({ action: 'reportGrants', grants: [{ templateKey: 'visit_progress', status: 'accept' }] }, openid)
  return { call, notify, request, docs, notices, insertCase, grantPush }
}
