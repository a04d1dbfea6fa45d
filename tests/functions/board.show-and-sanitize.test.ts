import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { INDEXES } from '../../cloudfunctions/_kit/collections'
import { seedDemoCentre } from '../../local/seed'
import { buildFunctions } from '../../scripts/build-functions'
import { appointmentContract, boardContract } from '../../types/contracts'
import type { BoardAnswer } from '../../types/contracts/board'
import { ID_NUMBER_IN_TEXT, MOBILE_IN_TEXT } from '../../types/domain/masking'
import { dataOf, ok } from '../support/calls'
import { passportForm, PASSPORT_FEE } from '../support/case'
import { setBeijingNow } from '../support/clock'
import { startTestCloud } from '../support/cloud'
import { ADMIN, LEAD, STAFF } from '../support/demo'
import { cloudForFile, kitFor } from '../support/for-file'
import { applicant, idNumberFor, newRequestId } from '../support/people'
import { ratingClient } from '../support/rating'

const DAY = '2026-09-28'
/** A person whose data must never reach the board, typed into every input that feeds it. */
const PERSON = { name: '欧阳建华', idNumber: idNumberFor(77), phone: '13812345678' }
const INJECTED = `${PERSON.name}${PERSON.idNumber}${PERSON.phone}`

/**
 * A stand-in notice function whose pinned announcements carry the person's data in their titles:
 * the board reads the carousel through the notice function's public `pinned` action.
 */
const FAKE_NOTICE = `exports.main = async (event) => event && event.action === 'pinned'
  ? { ok: true, data: { items: [
      { title: '国庆假期办事提醒', category: 'reminder', categoryLabel: '办事提醒', publishedAt: '2026-09-20T01:00:00.000Z' },
      { title: '请 ${PERSON.name} 来电 ${PERSON.phone} 证件 ${PERSON.idNumber}', category: 'notice', categoryLabel: '通知公告', publishedAt: '2026-09-21T01:00:00.000Z' },
    ] } }
  : { ok: false, error: { code: 'INVALID_INPUT', message: '不支持的操作' } }
`

async function startBoardCloud() {
  const dir = mkdtempSync(join(tmpdir(), 'board-fns-'))
  await buildFunctions(['appointment', 'case', 'queue', 'inquiry', 'rating', 'board'], undefined, dir)
  mkdirSync(join(dir, 'notice'))
  writeFileSync(join(dir, 'notice', 'index.js'), FAKE_NOTICE)
  writeFileSync(join(dir, 'notice', 'config.json'), '{"permissions":{"openapi":[]},"timeout":5,"triggers":[]}')
  return startTestCloud({ functionsDir: dir, seed: seedDemoCentre, indexes: INDEXES })
}

const t = cloudForFile(startBoardCloud)
const r = kitFor(() => ratingClient(t))
let seconds = 0
/** The board as a TV without any account asks for it; the clock moves past the board's 10 s cache first. */
async function board(hhmm = '10:30'): Promise<BoardAnswer> {
  seconds = (seconds + 11) % 60
  setBeijingNow(DAY, hhmm, seconds)
  return dataOf(await t.api(boardContract)({ action: 'show' }))
}

describe('the hall display board', () => {
  it('when staff call, skip and finish tickets, then the board shows the call, 过号, the waiting per zone and the day', async () => {
    setBeijingNow(DAY, '09:30')
    const taken = []
    for (const who of ['o-bd-1', 'o-bd-2', 'o-bd-3', 'o-bd-4'])
      taken.push(dataOf(await r.queue({ action: 'takeTicket', matterId: 'm-passport' }, who)).ticket)
    setBeijingNow(DAY, '09:40')
    const first = dataOf(await r.queue({ action: 'callNext', windowId: 'win-01' }, LEAD)).ticket!
    await ok(r.queue({ action: 'finish', ticketId: first.ticketId }, LEAD))
    setBeijingNow(DAY, '09:50')
    const second = dataOf(await r.queue({ action: 'callNext', windowId: 'win-01' }, LEAD)).ticket!
    await ok(r.queue({ action: 'skip', ticketId: second.ticketId }, LEAD))
    setBeijingNow(DAY, '10:00')
    const third = dataOf(await r.queue({ action: 'callNext', windowId: 'win-02' }, STAFF)).ticket!

    const b = await board()
    expect(b.open).toBe(true)
    expect(b.closesAt).toBe('17:30')
    expect(b.calling).toEqual([{ ticket: third.label, windowNumber: 2, calledAt: expect.any(String), callCount: 1 }])
    expect(b.recent.map((c) => [c.ticket, c.skipped])).toEqual([
      [second.label, true],
      [first.label, false],
    ])
    expect(b.waiting).toEqual([{ prefix: 'A', place: '一楼A区', count: 1 }])
    expect(b.figures).toMatchObject({ tickets: 4, served: 1, averageWaitMinutes: 20, goodRate: null })
    expect(taken).toHaveLength(4)

    // A 重呼 is a new call for the screen to announce: same ticket, higher count.
    await ok(r.queue({ action: 'recall', ticketId: third.ticketId }, STAFF))
    expect((await board()).calling[0]).toMatchObject({ ticket: third.label, callCount: 2 })
  })

  it('when more than 8 tickets are being called, then the 9th and later go to the overflow column', async () => {
    // Zone A (windows 1–9) is one queue; window 2 is still calling the ticket of the first test.
    setBeijingNow(DAY, '10:10')
    for (let i = 0; i < 7; i++) await ok(r.queue({ action: 'takeTicket', matterId: 'm-passport' }, `o-bd-o${i}`))
    for (const [i, w] of ['win-01', 'win-03', 'win-04', 'win-05', 'win-06', 'win-07', 'win-08', 'win-09'].entries()) {
      setBeijingNow(DAY, '10:11', i)
      expect(dataOf(await r.queue({ action: 'callNext', windowId: w }, ADMIN)).ticket).not.toBeNull()
    }
    const b = await board()
    expect(b.calling).toHaveLength(8)
    expect(b.overflow).toHaveLength(1)
    const times = b.calling.map((c) => c.calledAt)
    expect([...times].sort().reverse()).toEqual(times)
    // The oldest call is the one moved to the overflow column.
    expect(b.overflow[0]).toEqual({ ticket: expect.any(String), windowNumber: 1 })
    // Free the windows again for the next tests.
    for (const c of [...b.calling, ...b.overflow]) {
      const id = `${DAY.replace(/-/g, '')}-${c.ticket[0]}-${Number(c.ticket.slice(1))}`
      await ok(r.queue({ action: 'finish', ticketId: id }, ADMIN))
    }
  })

  it('when an ID number, a phone and a full name are typed into every input that reaches the board, then none appears in its answer', async () => {
    // Catalogue text an administrator types: the matter's name, the window's name, the zone's place.
    await t.db
      .collection('matters')
      .doc('m-passport')
      .update({ data: { name: `普通护照签发${INJECTED}` } })
    await t.db
      .collection('windows')
      .doc('win-01')
      .update({ data: { name: `护照窗口${INJECTED}` } })
    await t.db
      .collection('departments')
      .doc('dept-crj')
      .update({ data: { location: `一楼A区${PERSON.phone}` } })

    // A booking made with the person's name, ID number and phone, checked in and called.
    setBeijingNow(DAY, '09:00')
    const slotId = `win-01-${DAY.replace(/-/g, '')}-1100`
    const booked = dataOf(
      await t.api(appointmentContract)(
        { action: 'book', slotId, matterId: 'm-passport', requestId: newRequestId(), ...applicant(77, PERSON) },
        'o-bd-person',
      ),
    )
    setBeijingNow(DAY, '10:40')
    const ticket = dataOf(await r.queue({ action: 'checkIn', code: booked.code }, LEAD)).ticket
    // A case applied for by the person, its free text naming them again, accepted today.
    const draft = dataOf(
      await r.cases.call(
        {
          action: 'createDraft',
          matterId: 'm-passport',
          applicant: { ...PERSON, address: `山西省运城市绛县${PERSON.name}家` },
          form: passportForm({
            destination: `${PERSON.name}${PERSON.phone}`,
            birthPlace: PERSON.idNumber,
            emergencyContact: PERSON.name,
            emergencyPhone: PERSON.phone,
          }),
          requestId: newRequestId(),
        },
        'o-bd-person',
      ),
    )
    const { jpeg } = await import('../support/files')
    await ok(r.cases.upload(draft.caseId, 0, jpeg(64, 77), 'o-bd-person'))
    await ok(r.cases.act(draft.caseId, 'submit', 'o-bd-person'))
    await ok(r.cases.act(draft.caseId, 'startPreReview', STAFF))
    await ok(r.cases.act(draft.caseId, 'accept', STAFF))
    // A rating by the person whose text names them (ratings reach the board as a rate only).
    const served = await r.servedTicket('o-bd-rater')
    await ok(r.rate('o-bd-rater', 'ticket', served, { text: `服务很好，我是${INJECTED}` }))
    // The person's ticket is being called now, and someone waits in the zone.
    await r.queue({ action: 'callNext', windowId: 'win-01' }, LEAD)
    await ok(r.queue({ action: 'takeTicket', matterId: 'm-passport' }, 'o-bd-waits'))

    const b = await board('10:45')
    const text = JSON.stringify(b)
    for (const secret of [PERSON.name, PERSON.idNumber, PERSON.phone, PERSON.phone.slice(3), PERSON.idNumber.slice(6, 14)])
      expect(text).not.toContain(secret)
    expect(text.match(ID_NUMBER_IN_TEXT()) ?? []).toEqual([])
    expect(text.match(MOBILE_IN_TEXT()) ?? []).toEqual([])
    // …and the rows are there, masked: the board still shows what it should.
    const caseNo = (await t.db.collection('cases').doc(draft.caseId).get()).data.caseNo as string
    expect(b.ticker).toContainEqual({
      caseTail: caseNo.slice(-4),
      applicant: '欧阳*',
      matter: '普通护照签发欧阳****',
      status: '已受理',
      promisedDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    })
    expect(b.calling.map((c) => c.ticket)).toContain(ticket.label)
    expect(b.waiting.find((w) => w.prefix === 'A')?.place).toBe('一楼A区***')
    expect(b.announcements.map((a) => a.title)).toEqual(['国庆假期办事提醒', '请 欧阳* 来电 *** 证件 ***'])
    expect(b.figures.ratings).toBeGreaterThanOrEqual(1)
    expect(b.figures.goodRate).toBe(1)
    // Nothing but the whitelisted fields leaves the function, whatever the documents hold.
    expect(Object.keys(b.ticker[0]).sort()).toEqual(['applicant', 'caseTail', 'matter', 'promisedDate', 'status'])
    expect(Object.keys(b.calling[0]).sort()).toEqual(['callCount', 'calledAt', 'ticket', 'windowNumber'])
  })

  it('when a case is decided today, then the day counts it as finished', async () => {
    setBeijingNow(DAY, '11:00')
    const id = await r.cases.caseIn('accepted', 'o-bd-case', 91)
    await ok(r.cases.act(id, 'startProcessing', STAFF))
    await ok(r.cases.act(id, 'approve', STAFF, { fee: PASSPORT_FEE }))
    const b = await board('11:05')
    expect(b.figures.casesFinished).toBeGreaterThanOrEqual(1)
    expect(b.ticker.find((row) => row.status === '已办结')).toBeDefined()
  })

  it('when the hall closes, then the day’s rows clear; 延时服务 hours keep them until the later close', async () => {
    const closed = await board('17:31')
    expect(closed).toMatchObject({ open: false, closesAt: '17:30', calling: [], overflow: [], recent: [], waiting: [], ticker: [] })
    expect(closed.figures.tickets).toBeGreaterThan(0)

    await ok(
      t.api(appointmentContract)({ action: 'addHours', windowId: 'win-02', date: DAY, period: { start: '17:30', end: '19:00' } }, LEAD),
    )
    const late = await board('17:33') // past the board's one-minute cache of the hours
    expect(late).toMatchObject({ open: true, closesAt: '19:00' })
    expect(late.calling.length).toBeGreaterThan(0)
  })
})
