/**
 * Six months of finished cases for the demo centre, so `npm start` shows 预计办结 (通常 N 个工作日,
 * 多数在 M 个工作日内) for the common matters, and the supervision console and the board have a
 * past. Only `npm start` seeds them (the tests' demo centre stays without cases); the applicants
 * are made-up accounts no persona uses, with made-up masked names and no real personal data.
 * Deterministic: the same day gives the same history.
 */
import { COLLECTIONS } from '../../cloudfunctions/_kit/collections'
import { beijingDate } from '../../types/domain/dates'
import { computedDueDate, type Pause } from '../../types/domain/deadline'
import { windowStart } from '../../types/domain/prediction'
import type { WorkingDayCalendar } from '../../types/domain/working-days'
import { matters } from './matters'
import type { SeedDb } from './index'

/** The matters people apply for most, and how many finished cases each gets. */
const COMMON: Array<[matterId: string, cases: number]> = [
  ['m-passport', 48],
  ['m-hk-macao-permit', 36],
  ['m-company-register', 30],
  ['m-food-business-license', 26],
  ['m-property-transfer', 24],
  ['m-id-card-apply', 12],
]

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗'

/** A small seeded generator (mulberry32): the demo looks the same on every start of the same day. */
function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export interface HistoryCase {
  acceptedOn: string
  decidedOn: string
  pauses: Pause[]
}

/**
 * The finished cases of one matter: each accepted on a working day in the window, taking between a
 * third of the promised limit and the limit itself (most near the short end, as counters report),
 * one in five paused 2–5 working days for a supplement.
 */
export function historyOf(limitDays: number, count: number, today: string, cal: WorkingDayCalendar, rnd: () => number): HistoryCase[] {
  const from = windowStart(today)
  const span = cal.workingDaysBetween(from, today)
  const out: HistoryCase[] = []
  for (let i = 0; i < count; i++) {
    const days = Math.max(1, Math.round(limitDays * (0.3 + 0.7 * rnd() ** 1.6)))
    const pause = rnd() < 0.2 ? 2 + Math.floor(rnd() * 4) : 0
    const latestStart = Math.max(1, span - days - pause - 1)
    const acceptedOn = cal.addWorkingDays(from, Math.floor(rnd() * latestStart))
    const pauses: Pause[] = []
    if (pause) {
      const pauseFrom = cal.addWorkingDays(acceptedOn, Math.max(1, Math.floor(days / 2)))
      pauses.push({ from: pauseFrom, to: cal.addWorkingDays(pauseFrom, pause) })
    }
    const decidedOn = computedDueDate(acceptedOn, days, pauses, today, cal)
    out.push({ acceptedOn, decidedOn, pauses })
  }
  return out
}

export function historyDocuments(now: Date, cal: WorkingDayCalendar): Record<string, unknown>[] {
  const today = beijingDate(now)
  const rnd = random(Number(today.replace(/-/g, '')))
  const docs: Record<string, unknown>[] = []
  let seq = 0
  for (const [matterId, count] of COMMON) {
    const m = matters.find((x) => x.id === matterId)
    if (!m) continue
    for (const h of historyOf(m.promisedLimitDays, count, today, cal, rnd)) {
      seq++
      const id = `cs-${'hist'.padEnd(8, '0')}${String(seq).padStart(12, '0')}`
      const at = new Date(`${h.decidedOn}T09:30:00+08:00`)
      const surname = SURNAMES[Math.floor(rnd() * SURNAMES.length)]
      docs.push({
        _id: id,
        caseNo: `ZW${h.acceptedOn.replace(/-/g, '')}H${String(seq).padStart(5, '0')}`,
        openid: `demo-history-${String(seq).padStart(4, '0')}`,
        matterId: m.id,
        matterName: m.name,
        matterKind: m.kind,
        departmentId: m.departmentId,
        departments: [m.departmentId],
        formFields: [],
        state: 'completed',
        step: 6,
        rev: 6,
        accepted: true,
        applicant: {
          name: `${surname}**`,
          nameMasked: `${surname}*`,
          idNumber: '',
          idMasked: '',
          idKey: `history-${seq}`,
          phone: '',
          phoneMasked: '',
        },
        form: {},
        delivery: { method: 'pickup' },
        materials: [],
        namedKeys: [],
        acceptedOn: h.acceptedOn,
        limitDays: m.promisedLimitDays,
        legalLimitDays: m.legalLimitDays,
        pauses: h.pauses,
        dueDate: computedDueDate(h.acceptedOn, m.promisedLimitDays, h.pauses, h.decidedOn, cal),
        legalDueDate: computedDueDate(h.acceptedOn, m.legalLimitDays, h.pauses, h.decidedOn, cal),
        clockRunning: false,
        decidedOn: h.decidedOn,
        result: { decision: 'approved' },
        createdAt: new Date(`${h.acceptedOn}T09:00:00+08:00`),
        submittedAt: new Date(`${h.acceptedOn}T09:00:00+08:00`),
        updatedAt: at,
      })
    }
  }
  return docs
}

export async function seedDemoHistory(db: SeedDb, now: Date, cal: WorkingDayCalendar): Promise<void> {
  await db.insert(COLLECTIONS.cases, historyDocuments(now, cal))
}
