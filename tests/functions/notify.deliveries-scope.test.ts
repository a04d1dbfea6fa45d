/**
 * Who may read the delivery records of a subject (notify.caseDeliveries): the department the
 * subject's record belongs to, found from the subject's root id, and supervisors and admins.
 * Staff of another department get the answer a missing subject gets, for every kind of subject
 * and every composite id (`<caseId>:1`, `<inquiryId>:1`).
 */
import { apiOf, type TestCloud } from '../support/cloud'
import { dataOf } from '../support/calls'
import { appointmentContract, inquiryContract, notifyContract } from '../../types/contracts'
import { clearFakeNow, setBeijingNow } from '../support/clock'
import { applicant, newRequestId } from '../support/people'
import { notificationKey } from '../../types/domain/notification'
import { A, ADMIN, caseClient, LEAD, PASSPORT, STAFF, STAFF_SCJG, startCaseCloud, SUPERVISOR } from '../support/case'

let t: TestCloud
const notify = apiOf(() => t, notifyContract)
const deliveries = (subjectId: string, openid: string) => notify({ action: 'caseDeliveries', subjectId }, openid)
const MISSING = { ok: false, error: { code: 'NOT_FOUND', message: '未找到该事项的通知记录' } }

/** Subjects of 出入境 (dept-crj), each with at least one notification. */
const crj: Record<string, string> = {}
let scjgCase = ''
const B_OWNER = 'o-scope-scjg-owner'

async function outboxItem(subjectId: string, subjectRoot: string, recipient = A) {
  const event = 'case.accepted' as const
  await t.db.collection('outbox').add({
    data: {
      _id: notificationKey(event, subjectId, recipient),
      event,
      subjectId,
      subjectRoot,
      recipient,
      data: { matterName: '测试', caseNo: 'ZW0' },
      page: 'pages/index/index',
      status: 'no_consent',
      attempts: 1,
      createdAt: new Date(),
    },
  })
}

beforeAll(async () => {
  setBeijingNow('2026-09-21', '09:00')
  t = await startCaseCloud(['case', 'inquiry', 'appointment', 'notify'])
  const c = caseClient(t)
  // A passport case through a supplement round (subject `<caseId>:1`) to acceptance (subject `<caseId>`).
  const caseId = await c.caseIn('accepted', A, 801)
  crj.case = caseId
  crj.supplementRound = `${caseId}:1`
  // An 出入境 inquiry with one reply (subject `<inquiryId>:1`).
  const inquiry = t.api(inquiryContract)
  const asked = await inquiry(
    { action: 'ask', matterId: PASSPORT, question: '护照过期了，换发需要带户口本吗？', requestId: newRequestId() },
    A,
  )
  crj.inquiry = dataOf(asked).inquiryId
  await inquiry({ action: 'claim', inquiryId: crj.inquiry }, STAFF)
  await inquiry({ action: 'sendMessage', inquiryId: crj.inquiry, text: '不需要户口本。', requestId: newRequestId() }, STAFF)
  crj.inquiryReply = `${crj.inquiry}:1`
  // A passport booking.
  const appointment = t.api(appointmentContract)
  const slot = dataOf(await appointment({ action: 'listSlots', matterId: PASSPORT, date: '2026-09-23' })).slots[1]
  const booked = await appointment(
    { action: 'book', slotId: slot.slotId, matterId: PASSPORT, requestId: newRequestId(), ...applicant(802) },
    'o-scope-booker',
  )
  crj.booking = dataOf(booked).bookingId
  // A hall ticket for a passport (the queue function writes the same shape).
  crj.ticket = '20260921-A-7'
  await t.db.collection('tickets').add({
    data: { _id: crj.ticket, date: '2026-09-21', prefix: 'A', number: 7, matterId: PASSPORT, openid: 'o-scope-ticket', status: 'called' },
  })
  await outboxItem(crj.ticket, crj.ticket, 'o-scope-ticket')
  // A 市场监管 case, for the other direction.
  scjgCase = 'cs-5c0be00000000000000a'
  await t.db.collection('cases').add({ data: { _id: scjgCase, departmentId: 'dept-scjg', departments: ['dept-scjg'], openid: B_OWNER } })
  await outboxItem(scjgCase, scjgCase, B_OWNER)
})
afterAll(async () => {
  clearFakeNow()
  await t?.close()
})

describe('delivery records stay in the subject’s department', () => {
  const subjects = () => Object.entries(crj)

  it('when the 出入境 staff, their lead, a supervisor and the admin read each 出入境 subject, then they see its records', async () => {
    for (const [what, subjectId] of subjects()) {
      for (const who of [STAFF, LEAD, SUPERVISOR, ADMIN]) {
        const r = await deliveries(subjectId, who)
        expect({ what, who, ok: r.ok, some: r.ok && r.data.deliveries.length > 0 }).toEqual({ what, who, ok: true, some: true })
      }
    }
  })

  it.each(['case', 'supplementRound', 'inquiry', 'inquiryReply', 'booking', 'ticket'])(
    'when 市场监管 staff ask for the 出入境 %s, then the answer is the one a missing subject gets',
    async (what) => {
      expect(await deliveries(crj[what], STAFF_SCJG)).toEqual(MISSING)
    },
  )

  it.each([
    ['a case that does not exist', 'cs-00000000000000000000'],
    ['a composite id of one', 'cs-00000000000000000000:1'],
    ['an inquiry that does not exist', 'iq-00000000000000000000:3'],
    ['a kind of subject no department owns', 'calendar-2027'],
    ['anything else', 'not-a-subject'],
  ])('when department staff ask for %s, then it is not found', async (_what, subjectId) => {
    expect(await deliveries(subjectId, STAFF)).toEqual(MISSING)
    expect(await deliveries(subjectId, STAFF_SCJG)).toEqual(MISSING)
  })

  it('when 市场监管 staff ask for their own case, then they see its records, and 出入境 staff do not', async () => {
    expect(await deliveries(scjgCase, STAFF_SCJG)).toMatchObject({ ok: true, data: { deliveries: [{ event: 'case.accepted' }] } })
    expect(await deliveries(scjgCase, STAFF)).toEqual(MISSING)
  })

  it('when a record is filed under another subject’s root, then it is not listed with the subject asked for', async () => {
    // An item whose id names the 市场监管 case but whose stored root is the 出入境 case.
    await outboxItem(`${scjgCase}:9`, crj.case, 'o-scope-odd')
    const mine = await deliveries(scjgCase, STAFF_SCJG)
    expect(dataOf(mine).deliveries.map((d) => d.subjectId)).toEqual([scjgCase])
    const theirs = await deliveries(crj.case, STAFF)
    expect(dataOf(theirs).deliveries.map((d) => d.subjectId)).not.toContain(`${scjgCase}:9`)
  })

  it('when a citizen asks, then it is refused before anything is read', async () => {
    expect(await deliveries(crj.case, A)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })
})
