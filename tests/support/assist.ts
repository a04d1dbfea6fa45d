/** Shared set-up of the 帮办代办 tests: a cloud with the assist and case functions, the desk's people and builders. */
import { staff } from '../../local/seed'
import { assistContract } from '../../types/contracts'
import type { ActionInput } from '../../types/contracts/contract'
import { dataOf } from './calls'
import type { TestCloud } from './cloud'
import { A, startDemoCloud, SUPERVISOR } from './demo'
import { newRequestId } from './people'

export { A, B, LEAD, PASSPORT, STAFF, SUPERVISOR } from './demo'

/** Window staff of the centre office (the demo 帮办 desk, settings assist_policy). */
export const DESK = staff.find((s) => s.departmentId === 'dept-office' && s.role === 'window_staff' && s.active)!.openid
export const DESK_2 =
  staff.filter((s) => s.departmentId === 'dept-office' && s.role === 'window_staff' && s.active)[1]?.openid ?? SUPERVISOR

export const startAssistCloud = (): Promise<TestCloud> => startDemoCloud(['assist', 'case'])

type RequestInput = ActionInput<typeof assistContract, 'request'>

export function assistClient(t: TestCloud) {
  const call = t.api(assistContract)
  const request = (openid = A, over: Partial<RequestInput> = {}) =>
    call(
      {
        action: 'request',
        matterId: 'm-passport',
        reason: 'elderly',
        detail: '母亲七十多岁，不会用手机申请护照，想请人帮忙填表。',
        contactPhone: '13912345678',
        requestId: newRequestId(),
        ...over,
      },
      openid,
    )
  const doc = async (assistId: string) => (await t.db.collection('assists').doc(assistId).get()).data
  /** A request of `openid`, claimed by `by`. */
  async function claimed(openid = A, by = DESK, over: Partial<RequestInput> = {}): Promise<string> {
    const { assistId } = dataOf(await request(openid, over))
    dataOf(await call({ action: 'claim', assistId }, by))
    return assistId
  }
  return { call, request, doc, claimed }
}
