/** Shared set-up of the complaint function tests: a cloud with the demo centre and a few builders. */
import { complaintContract } from '../../types/contracts'
import type { ActionInput } from '../../types/contracts/contract'
import { dataOf, ok } from './calls'
import type { TestCloud } from './cloud'
import { A, startDemoCloud, SUPERVISOR } from './demo'
import { jpeg } from './files'
import { newRequestId } from './people'

export { A, ADMIN, B, LEAD, STAFF, STAFF_SCJG, SUPERVISOR } from './demo'
export { jpeg, png } from './files'

export const startComplaintCloud = (more: string[] = []): Promise<TestCloud> => startDemoCloud(['complaint', ...more])

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
  /** A photo sent inside the call (the h5 way); answers its photo id for submit. */
  const photo = async (openid = A, seed = 1): Promise<string> =>
    dataOf(await call({ action: 'addPhoto', contentType: 'image/jpeg', dataBase64: jpeg(2000, seed).toString('base64') }, openid)).photoId
  /** Submitted and, when `to` names a department, transferred there by the office; answers the tracking data and the id. */
  const filed = async (openid = A, over: Partial<SubmitInput> = {}, to?: string) => {
    const sent = dataOf(await submit(openid, over))
    const id = await idOf(sent.trackingNo)
    if (to) dataOf(await call({ action: 'decide', complaintId: id, decision: 'transfer', departmentId: to }, SUPERVISOR))
    return { ...sent, id }
  }
  return { call, ok, submit, doc, idOf, photo, filed }
}
