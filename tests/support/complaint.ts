/** Shared set-up of the complaint function tests: a cloud with the demo centre and a few builders. */
import { complaintContract } from '../../types/contracts'
import type { ActionInput } from '../../types/contracts/contract'
import { ok } from './calls'
import type { TestCloud } from './cloud'
import { A, startDemoCloud } from './demo'
import { newRequestId } from './people'

export { A, ADMIN, B, LEAD, STAFF, STAFF_SCJG, SUPERVISOR } from './demo'

export const startComplaintCloud = (): Promise<TestCloud> => startDemoCloud(['complaint'])

type SubmitInput = ActionInput<typeof complaintContract, 'submit'>

export function complaintClient(t: TestCloud) {
  const call = t.api(complaintContract)
  const submit = (openid = A, over: Partial<SubmitInput> = {}) =>
    call(
      {
        action: 'submit',
        about: { kind: 'staff', staffNo: 'ZW0001' },
        text: '窗口工作人员态度生硬，多次让我回去等通知。',
        anonymous: false,
        contactPhone: '13912345678',
        requestId: newRequestId(),
        ...over,
      },
      openid,
    )
  const doc = async (trackingNo: string) => (await t.db.collection('complaints').where({ trackingNo }).limit(1).get()).data[0]
  const idOf = async (trackingNo: string): Promise<string> => String((await doc(trackingNo))._id)
  return { call, ok, submit, doc, idOf }
}
