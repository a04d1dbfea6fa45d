import { db } from '../_kit/cloud'
import { COLLECTIONS } from '../_kit/collections'
import { randomHex } from '../_kit/ids'

/** Audit entries are only ever inserted: who read a case's personal data, and process errors. */
export type AuditEntry =
  | { kind: 'staff_read'; caseId: string; caseNo: string; staffNo: string; role: string; departmentId: string; at: Date }
  | {
      kind: 'process_error'
      rule: 'supplement_not_once'
      caseId: string
      caseNo: string
      staffNo: string
      departmentId: string
      round: number
      newItems: string[]
      at: Date
    }

export const recordAudit = (entry: AuditEntry) =>
  db()
    .collection(COLLECTIONS.audit)
    .add({ data: { _id: `au-${randomHex(20)}`, ...entry } })
