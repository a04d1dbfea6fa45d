/**
 * Shared set-up of the supervision tests: a cloud with the demo centre, the case and supervision
 * functions, the case kit, and the lights part's reads (what the light and violations stored are).
 */
import { supervisionContract } from '../../types/contracts/supervision'
import type { Light, LightReason, ViolationCode, ViolationStatus } from '../../types/domain/supervision-lights'
import { caseClient } from './case'
import type { TestCloud } from './cloud'
import { startDemoCloud } from './demo'

export { A, ADMIN, B, LEAD, PASSPORT, PASSPORT_FEE, STAFF, STAFF_SCJG, SUPERVISOR } from './case'

export const startSupervisionCloud = (fns: string[] = []): Promise<TestCloud> => startDemoCloud(['case', 'supervision', ...fns])

/** The stored light of a case (the `case_lights` document), as the other parts read it. */
export interface StoredLight {
  _id: string
  departmentId: string
  handlerStaffNo?: string
  light: Light
  reasons: LightReason[]
  open: boolean
  changes: number
  redSince?: Date
  yellowSince?: Date
  pending?: unknown
}
export interface StoredViolation {
  _id: string
  caseId: string
  code: ViolationCode
  detail: string
  status: ViolationStatus
  staffNo?: string
}

export function supervisionClient(t: TestCloud) {
  const call = t.api(supervisionContract)
  const cases = caseClient(t)
  /** Runs the 15-minute relight job now, answering its report. */
  const relight = () => t.trigger('supervision', 'tick', 'relight')
  async function lightOf(caseId: string): Promise<StoredLight | undefined> {
    const { data } = await t.db.collection('case_lights').where({ _id: caseId }).get()
    return data[0] as StoredLight | undefined
  }
  async function violationsOf(caseId: string): Promise<StoredViolation[]> {
    const { data } = await t.db.collection('violations').where({ caseId }).get()
    return data as StoredViolation[]
  }
  const codesOf = async (caseId: string) => (await violationsOf(caseId)).map((v) => v.code).sort()
  /** The light-change audit entries of a case, oldest first. */
  async function lightAudit(caseId: string): Promise<Array<{ from: Light; to: Light; by: string }>> {
    const { data } = await t.db.collection('audit').where({ kind: 'light_change', caseId }).get()
    return (data as Array<{ from: Light; to: Light; by: string; at: Date }>).sort((a, b) => +new Date(a.at) - +new Date(b.at))
  }
  /** The message-centre entries of one recipient about lights. */
  async function lightMessages(openid: string): Promise<Array<{ title: string; body: string; subjectId: string }>> {
    const { data } = await t.db.collection('messages').where({ openid, event: 'supervision.case_light' }).get()
    return data as Array<{ title: string; body: string; subjectId: string }>
  }
  return { call, cases, relight, lightOf, violationsOf, codesOf, lightAudit, lightMessages }
}
