import {
  allowedActions,
  CASE_ACTIONS,
  CASE_STATES,
  CASE_TRANSITIONS,
  refusal,
  type CaseActor,
  type CaseFacts,
} from '../../types/domain/case-machine'
import { isValidCaseNumber, newCaseNumber } from '../../types/domain/case-number'
import { deadline } from '../../types/domain/deadline'
import { builtInCalendar as workingDays } from '../../types/domain/working-days'
import { randomInt } from 'node:crypto'

const facts = (over: Partial<CaseFacts> = {}): CaseFacts => ({
  state: 'draft',
  matterKind: 'promised',
  accepted: false,
  allSubtasksDone: false,
  ...over,
})
const ACTORS: CaseActor[] = ['applicant', 'window_staff', 'dept_lead']

describe('the case state machine', () => {
  // Every (action, actor, state) triple: allowed exactly when the table lists it (kind rules aside).
  const triples = CASE_ACTIONS.flatMap((a) => ACTORS.flatMap((who) => CASE_STATES.map((s) => [a, who, s] as const)))
  it.each(triples)('%s by %s from %s follows the table', (action, actor, state) => {
    const t = CASE_TRANSITIONS.find((x) => x.action === action)!
    const listed = t.by.includes(actor) && t.from.includes(state)
    const c = facts({
      state,
      matterKind: action === 'completeImmediately' ? 'immediate' : 'promised',
      accepted: state === 'resubmitted' && action === 'startProcessing',
    })
    expect(refusal(action, actor, c) === undefined).toBe(listed)
  })

  it('when a matter is not 即办件, then it cannot be completed at acceptance', () => {
    expect(refusal('completeImmediately', 'window_staff', facts({ state: 'accepted' }))).toMatch(/即办件/)
    expect(refusal('completeImmediately', 'window_staff', facts({ state: 'accepted', matterKind: 'immediate' }))).toBeUndefined()
  })

  it('when a 联办件 has an open sub-task, then it cannot be approved', () => {
    expect(refusal('approve', 'window_staff', facts({ state: 'in_process', matterKind: 'joint' }))).toMatch(/联办件/)
    expect(refusal('approve', 'window_staff', facts({ state: 'in_process', matterKind: 'joint', allSubtasksDone: true }))).toBeUndefined()
  })

  it('when a resubmitted case was already accepted, then it goes back into processing, not pre-review', () => {
    expect(allowedActions('window_staff', facts({ state: 'resubmitted', accepted: true }))).toEqual(['startProcessing'])
    expect(allowedActions('window_staff', facts({ state: 'resubmitted', accepted: false }))).toEqual(['startPreReview'])
  })

  it('when the applicant looks at a case before acceptance, then withdraw is offered; after, it is not', () => {
    expect(allowedActions('applicant', facts({ state: 'pre_review' }))).toEqual(['withdraw'])
    expect(allowedActions('applicant', facts({ state: 'in_process', accepted: true }))).toEqual([])
  })
})

describe('case numbers', () => {
  it('when numbers are generated, then they are valid, 16 characters and distinct', () => {
    const nos = Array.from({ length: 2000 }, () => newCaseNumber(randomInt))
    expect(nos.every(isValidCaseNumber)).toBe(true)
    expect(nos[0]).toHaveLength(16)
    expect(new Set(nos).size).toBe(nos.length)
  })

  it('when one character is mistyped or two neighbours swapped, then the check character catches it', () => {
    const no = newCaseNumber(randomInt)
    const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'
    for (let i = 2; i < no.length; i++) {
      for (const c of alphabet) if (c !== no[i]) expect(isValidCaseNumber(no.slice(0, i) + c + no.slice(i + 1))).toBe(false)
    }
    for (let i = 2; i < no.length - 1; i++) {
      if (no[i] === no[i + 1]) continue
      expect(isValidCaseNumber(no.slice(0, i) + no[i + 1] + no[i] + no.slice(i + 2))).toBe(false)
    }
  })
})

describe('the legal deadline', () => {
  it('when a 7-day case is accepted the day before National Day, then the holiday does not count and the make-up Saturday does', () => {
    expect(deadline('2026-09-30', 7, [], '2026-09-30', workingDays)).toMatchObject({
      dueDate: '2026-10-15',
      workingDaysLeft: 7,
      overdue: false,
    })
  })

  it('when the case waited 2 working days for a supplement, then the due date moves 2 working days', () => {
    const d = deadline('2026-09-28', 5, [{ from: '2026-09-29', to: '2026-10-09' }], '2026-10-12', workingDays)
    // 09-30, 10-08, 10-09 are working days inside the pause (10-01..07 are holidays): 3 days added.
    expect(d.dueDate).toBe(workingDays.addWorkingDays('2026-09-28', 8))
    expect(d.paused).toBe(false)
  })

  it('when a date was already promised and the calendar now gives an earlier one, then the promised date stands; a later one replaces it', () => {
    expect(deadline('2026-09-01', 3, [], '2026-09-02', workingDays, '2026-09-07')).toMatchObject({
      dueDate: '2026-09-07',
      workingDaysLeft: 3,
    })
    expect(deadline('2026-09-01', 3, [], '2026-09-02', workingDays, '2026-09-03')).toMatchObject({ dueDate: '2026-09-04' })
  })

  it('when a 30-day case is accepted in December 2026, then the due date lies in the provisional 2027 and says so', () => {
    expect(deadline('2026-12-01', 30, [], '2026-12-01', workingDays)).toMatchObject({ dueDate: '2027-01-13', provisional: true })
    expect(deadline('2026-11-02', 5, [], '2026-11-02', workingDays).provisional).toBe(false)
  })

  it('when the due date has passed, then the case is overdue with negative days left', () => {
    expect(deadline('2026-09-01', 3, [], '2026-09-10', workingDays)).toMatchObject({
      dueDate: '2026-09-04',
      overdue: true,
      workingDaysLeft: -4,
    })
  })
})
