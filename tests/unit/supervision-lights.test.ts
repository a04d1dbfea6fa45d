import {
  DEFAULT_SUPERVISION_POLICY,
  detectViolations,
  feeMismatch,
  lightOf,
  rulesFor,
  stepOf,
  supervisionPolicySchema,
  type CaseFactsForLights,
} from '../../types/domain/supervision-lights'
import { builtInCalendar as cal } from '../../types/domain/working-days'

const at = (day: string, hhmm = '10:00') => new Date(`${day}T${hhmm}:00+08:00`)
const ev = (seq: number, action: CaseFactsForLights['events'][number]['action'], from: string, to: string, day: string, staffNo?: string) =>
  ({ seq, action, from, to, at: at(day), ...(staffNo ? { staffNo } : {}) }) as CaseFactsForLights['events'][number]

/** An immediate matter (即办件) accepted on Monday 2 November 2026. */
const immediate = (over: Partial<CaseFactsForLights> = {}): CaseFactsForLights => ({
  state: 'accepted',
  accepted: true,
  events: [
    ev(1, 'submit', 'draft', 'submitted', '2026-11-02'),
    ev(2, 'startPreReview', 'submitted', 'pre_review', '2026-11-02', 'S1'),
    ev(3, 'accept', 'pre_review', 'accepted', '2026-11-02', 'S1'),
  ],
  matterWindowIds: ['win-03'],
  ...over,
})
const immediateRules = rulesFor(DEFAULT_SUPERVISION_POLICY, 'm-x', 'immediate')

describe('step limits by kind', () => {
  it('when an 即办件 is still not finished the working day after acceptance, then its acceptance step is late; the same day it is not', () => {
    expect(detectViolations(immediate(), immediateRules, 8, '2026-11-02', cal)).toEqual([])
    expect(detectViolations(immediate(), immediateRules, 8, '2026-11-03', cal)).toEqual([
      expect.objectContaining({
        code: 'step_overdue',
        key: 'step_overdue:3',
        detail: '受理环节2026-11-02开始，限当日（2026-11-02前）完成，至今未完成',
      }),
    ])
  })

  it('when a 联办件 step takes 5 working days, then it is within its limit; 6 is late', () => {
    const rules = rulesFor(DEFAULT_SUPERVISION_POLICY, 'm-x', 'joint')
    const f = (end: string): CaseFactsForLights => ({
      ...immediate(),
      state: 'approved',
      events: [
        ...immediate().events,
        ev(4, 'startProcessing', 'accepted', 'in_process', '2026-11-02', 'S1'),
        ev(5, 'approve', 'in_process', 'approved', end, 'S2'),
      ],
    })
    expect(detectViolations(f('2026-11-09'), rules, 8, '2026-11-09', cal).map((v) => v.code)).toEqual([])
    expect(detectViolations(f('2026-11-10'), rules, 8, '2026-11-10', cal)).toEqual([
      expect.objectContaining({
        code: 'step_overdue',
        staffNo: 'S2',
        detail: '审批环节2026-11-02开始，限5个工作日（2026-11-09前）完成，2026-11-10才完成',
      }),
    ])
  })

  it('when a resubmission waits, then it counts as pre-review before acceptance and as approval after it', () => {
    expect(stepOf('resubmitted', false)).toBe('preReview')
    expect(stepOf('resubmitted', true)).toBe('approval')
    expect(stepOf('supplement_requested', true)).toBeUndefined()
  })

  it('when a matter overrides its kind, then the override wins field by field', () => {
    const p = supervisionPolicySchema.parse({
      ...DEFAULT_SUPERVISION_POLICY,
      stepLimits: { promised: { handout: 3 } },
      matters: { 'm-x': { stepLimits: { preReview: 2 } } },
    })
    expect(rulesFor(p, 'm-x', 'promised').steps).toEqual({ preReview: 2, acceptance: 1, approval: null, handout: 3 })
    expect(rulesFor(p, 'm-y', 'promised').steps).toEqual({ preReview: 1, acceptance: 1, approval: null, handout: 3 })
  })
})

describe('the light', () => {
  const d = (left: number, limitDays = 10) => ({
    dueDate: '2026-11-20',
    workingDaysLeft: left,
    overdue: left < 0,
    paused: false,
    limitDays,
  })
  const rules = { yellowDaysLeft: 1, yellowShare: 0.2 }
  it('when 2 of 10 working days are left, then yellow (20 %); 3 left is green; 1 left of 3 is yellow (1 day)', () => {
    expect(lightOf({ deadline: d(2) }, rules, []).light).toBe('yellow')
    expect(lightOf({ deadline: d(3) }, rules, []).light).toBe('green')
    expect(lightOf({ deadline: d(1, 3) }, rules, []).light).toBe('yellow')
  })
  it('when the clock is paused for 补正 or the case is decided, then a near date is not yellow', () => {
    expect(lightOf({ deadline: { ...d(1), paused: true } }, rules, []).light).toBe('green')
    expect(lightOf({ deadline: d(1), decidedOn: '2026-11-19' }, rules, []).light).toBe('green')
  })
  it('when a violation counts, then red with its label and detail first, the near date after it', () => {
    expect(lightOf({ deadline: d(1) }, rules, [{ code: 'fee_mismatch', detail: '多收' }])).toEqual({
      light: 'red',
      reasons: [
        { code: 'fee_mismatch', label: '收费与标准不符', detail: '多收' },
        { code: 'due_soon', label: '临近办结期限', detail: '承诺办结日期2026-11-20，仅剩1个工作日' },
      ],
    })
  })
})

describe('the fee and the overdue detectors', () => {
  const std = { free: false as const, amount: 120, standard: '每本120元', legalBasis: '文件' }
  it('when the fee differs in either direction, then it says so; the same amount does not', () => {
    expect(feeMismatch({ amount: 120 }, std)).toBeUndefined()
    expect(feeMismatch({ amount: 120.5 }, std)).toBe('收费标准120元（每本120元），办结时记录120.50元')
    expect(feeMismatch({ free: true }, { free: true })).toBeUndefined()
    expect(feeMismatch({ amount: 10 }, { free: true })).toBe('该事项不收费，办结时记录收费10元')
  })
  it('when decided after the promised date, then 超期办理 says how late; past only the legal date says that', () => {
    const f = immediate({
      state: 'approved',
      decidedOn: '2026-11-24',
      deadline: { dueDate: '2026-11-20', workingDaysLeft: -2, overdue: true, paused: false, limitDays: 5 },
    })
    expect(detectViolations({ ...f, events: [] }, immediateRules, 8, '2026-11-30', cal)).toEqual([
      expect.objectContaining({ code: 'overdue', detail: '承诺办结日期2026-11-20，2026-11-24才办结，超期2个工作日' }),
    ])
    const legal = immediate({
      events: [],
      deadline: { dueDate: '2026-11-20', workingDaysLeft: 0, overdue: false, paused: false, limitDays: 5, legalDueDate: '2026-11-10' },
    })
    expect(detectViolations(legal, immediateRules, 8, '2026-11-20', cal)).toEqual([
      expect.objectContaining({ code: 'overdue', detail: '法定办结日期2026-11-10已过' }),
    ])
  })
})
