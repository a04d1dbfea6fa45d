/**
 * The cloud round trips of each main action, in sequence (what the caller waits for) and in all,
 * measured on warm instances with every request held HELD_MS as a network hop would be. Production
 * latency is roughly the sequential count times the database's round trip.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { INDEXES } from '../../cloudfunctions/_kit/collections'
import { startLocalCloud } from '../../local'
import { seedDemoCentre } from '../../local/seed'
import { buildFunctions } from '../../scripts/build-functions'
import { clearFakeNow, setBeijingNow } from '../support/clock'
import { jpeg } from '../support/files'
import { applicant, idNumberFor, newRequestId } from '../support/people'
import { actionRoundTrips, HELD_MS } from '../support/round-trips'
import { invokeApi, type EventOf } from '../support/calls'
import { appointmentContract, caseContract, inquiryContract } from '../../types/contracts'
import type { ActionName, FunctionContract } from '../../types/contracts/contract'
import type { Result } from '../../types/result'

const STAFF = 'demo-staff-crj'
const PASSPORT = 'm-passport'
const FORM = {
  applyType: '换发',
  purpose: '旅游',
  destination: '日本',
  birthPlace: '山西省运城市',
  emergencyContact: '张建国',
  emergencyPhone: '13900000001',
}

export async function run(): Promise<void> {
  const functionsDir = mkdtempSync(join(tmpdir(), 'bench-actions-fns-'))
  await buildFunctions(['appointment', 'case', 'inquiry', 'notify'], undefined, functionsDir)
  const cloud = await startLocalCloud({ port: 0, functionsDir, seed: seedDemoCentre, indexes: INDEXES, log: () => undefined })
  const appointment = invokeApi(cloud, appointmentContract)
  const caseFn = invokeApi(cloud, caseContract)
  /** The data of an answer; a refusal stops the bench, naming the call. */
  const ok = async <T>(what: string, answer: Promise<Result<T>>): Promise<T> => {
    const r = await answer
    if (!r.ok) throw new Error(`${what}: ${JSON.stringify(r.error)}`)
    return r.data
  }
  const rows: Array<[string, Awaited<ReturnType<typeof actionRoundTrips>>]> = []
  const trace = async <F extends FunctionContract>(label: string, contract: F, event: () => EventOf<F, ActionName<F>>, openid: string) => {
    const call = invokeApi(cloud, contract)
    await ok(label, call(event(), openid)) // warm the instance (calendar, policies) as in normal traffic
    rows.push([label, await actionRoundTrips(contract.name, () => ok(label, call(event(), openid)))])
  }
  try {
    setBeijingNow('2026-09-28', '09:00')
    const days = (await ok('listDays', appointment({ action: 'listDays', matterId: PASSPORT }, 'o-a'))).days.map((d) => d.date)
    const slots = (await ok('listSlots', appointment({ action: 'listSlots', matterId: PASSPORT, date: days[1] }, 'o-a'))).slots.map(
      (s) => s.slotId,
    )
    let seq = 0
    await trace(
      'appointment.book',
      appointmentContract,
      () => ({ action: 'book', slotId: slots[0], matterId: PASSPORT, requestId: newRequestId(), ...applicant(++seq) }),
      'o-book',
    )
    const mine = (await ok('myBookings', appointment({ action: 'myBookings' }, 'o-book'))).bookings.map((b) => b.bookingId)
    let moveTo = 1
    await trace(
      'appointment.reschedule',
      appointmentContract,
      () => ({ action: 'reschedule', bookingId: mine[0], slotId: slots[moveTo++], requestId: newRequestId() }),
      'o-book',
    )
    let next = 0
    await trace('appointment.cancel', appointmentContract, () => ({ action: 'cancel', bookingId: mine[next++] }), 'o-book')

    const { caseId, caseNo } = await ok(
      'createDraft',
      caseFn(
        {
          action: 'createDraft',
          matterId: PASSPORT,
          applicant: { name: '张伟', idNumber: idNumberFor(1), phone: '13912345678' },
          form: FORM,
          requestId: newRequestId(),
        },
        'o-case',
      ),
    )
    await ok(
      'uploadMaterial',
      caseFn(
        {
          action: 'uploadMaterial',
          caseId,
          materialIndex: 0,
          fileName: 'id.jpg',
          contentType: 'image/jpeg',
          dataBase64: jpeg(2_000, 1).toString('base64'),
        },
        'o-case',
      ),
    )
    await ok('submit', caseFn({ action: 'act', caseId, transition: 'submit' }, 'o-case'))
    await ok('startPreReview', caseFn({ action: 'act', caseId, transition: 'startPreReview' }, STAFF))
    await ok('accept', caseFn({ action: 'act', caseId, transition: 'accept' }, STAFF))
    const queryCode = (await ok('getCase', caseFn({ action: 'getCase', caseId }, 'o-case'))).queryCode!
    await trace('case.getCase (applicant)', caseContract, () => ({ action: 'getCase', caseId }), 'o-case')
    await trace('case.myCases', caseContract, () => ({ action: 'myCases' }), 'o-case')
    await trace('case.worklist', caseContract, () => ({ action: 'worklist' }), STAFF)
    let looker = 0
    await trace(
      'case.lookup',
      caseContract,
      () => ({ action: 'lookup', caseNo, queryCode, name: '张伟', idLast4: idNumberFor(1).slice(-4) }),
      `o-look-${++looker}`,
    )
    await trace(
      'inquiry.ask',
      inquiryContract,
      () => ({ action: 'ask', matterId: PASSPORT, question: '护照过期了，换发需要带户口本吗？', requestId: newRequestId() }),
      'o-ask',
    )

    console.log(`\n## round trips per action (warm instances, each request held ${HELD_MS} ms)`)
    for (const [label, r] of rows)
      console.log(
        `${label.padEnd(28)} ${String(r.sequential).padStart(2)} in sequence, ${String(r.total).padStart(2)} in all, ${r.ms.toFixed(0).padStart(4)} ms`,
      )
  } finally {
    clearFakeNow()
    await cloud.close()
  }
}
