/**
 * The supervision console with a year of 10,000 and of 100,000 cases' events behind it: the
 * console's answer (today, a month, the whole year) and the monthly Excel export, p50 and p99, and
 * their database round trips per request, which must not grow with the number of cases (the
 * console reads the daily counters, one per day and department, never the cases). The counters
 * are tallied here directly from the seeded events, as the fold would have written them over the
 * year; the real fold then takes in the last day's events, to show what one run costs.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildFunctions } from '../../scripts/build-functions'
import { INDEXES } from '../../cloudfunctions/_kit/collections'
import { departments, matters, seedDemoCentre } from '../../local/seed'
import { startLocalCloud } from '../../local'
import { supervisionContract } from '../../types/contracts/supervision'
import { addCalendarDays, BEIJING_OFFSET_MS, toUtcMs } from '../../types/domain/dates'
import { dailyIdOf, emptyCases, emptyDue, monthRollupOf, type DailyCounters } from '../../types/domain/supervision-figures'
import type { Result } from '../../types/result'
import { invokeApi } from '../support/calls'
import { setBeijingNow, clearFakeNow } from '../support/clock'
import { SUPERVISOR } from '../support/demo'
import { actionRoundTrips, HELD_MS } from '../support/round-trips'

const SCALES = [10_000, 100_000]
const SAMPLES = 30
const YEAR_START = '2026-01-01'
const DAYS = 365
const TODAY = addCalendarDays(YEAR_START, DAYS - 1)

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))]
const at = (day: string, minutes: number) => new Date(toUtcMs(day) - BEIJING_OFFSET_MS + minutes * 60_000)

/** N cases over the year: submitted, accepted the same day, decided a few days later (a tenth of them rejected). */
function world(n: number) {
  const cases: Record<string, unknown>[] = []
  const events: Record<string, unknown>[] = []
  const counters = new Map<string, DailyCounters>()
  const doc = (day: string, departmentId: string) => {
    const id = dailyIdOf(day, departmentId)
    const d = counters.get(id) ?? { _id: id, day, departmentId, cases: emptyCases(), due: emptyDue() }
    counters.set(id, d)
    return d
  }
  for (let i = 0; i < n; i++) {
    const m = matters[i % matters.length]
    const day = addCalendarDays(YEAR_START, Math.floor((i * DAYS) / n))
    const decided = addCalendarDays(day, 1 + (i % 7))
    const due = addCalendarDays(day, 5)
    const id = `cs-${i.toString(16).padStart(20, '0')}`
    const open = decided > TODAY
    cases.push({
      _id: id,
      caseNo: `BENCH${String(i).padStart(9, '0')}`,
      departmentId: m.departmentId,
      matterId: m.id,
      matterName: m.name,
      accepted: true,
      acceptedOn: day,
      dueDate: due,
      ...(open ? {} : { decidedOn: decided }),
      state: open ? 'in_process' : i % 10 === 0 ? 'rejected' : 'approved',
      updatedAt: at(open ? day : decided, 600),
    })
    const steps: Array<[string, string]> = [
      ['submit', day],
      ['accept', day],
      ...(open ? [] : ([[i % 10 === 0 ? 'reject' : 'approve', decided]] as Array<[string, string]>)),
    ]
    steps.forEach(([action, d], s) =>
      events.push({ _id: `${id}:${String(s + 1).padStart(4, '0')}`, caseId: id, seq: s + 1, action, at: at(d, 540 + s) }),
    )
    // The counters the fold would have written for these events.
    const c = doc(day, m.departmentId).cases!
    c.received += 1
    c.accepted += 1
    if (!open) {
      const f = doc(decided, m.departmentId).cases!
      f.finished += 1
      if (i % 10 === 0) f.rejected += 1
      else f.approved += 1
      const onTime = decided <= due
      if (onTime) f.finishedOnTime += 1
      const mm = (f.matters[m.id] ??= { name: m.name, finished: 0, workDaysSum: 0 })
      mm.finished += 1
      mm.workDaysSum += 1 + (i % 7)
      f.workDaysSum += 1 + (i % 7)
    }
    const dd = doc(due, m.departmentId).due!
    dd.due += 1
    if (open) dd.open += 1
    else if (decided <= due) dd.onTime += 1
    else dd.late += 1
  }
  const daily = [...counters.values()].filter((d) => d.day <= TODAY)
  // The month roll-ups the fold keeps for every past month.
  const monthly: DailyCounters[] = []
  for (const month of new Set(daily.map((d) => d.day.slice(0, 7)))) {
    if (month >= TODAY.slice(0, 7)) continue
    const ofMonth = daily.filter((d) => d.day.startsWith(month))
    for (const dept of new Set(ofMonth.map((d) => d.departmentId)))
      monthly.push(
        monthRollupOf(
          month,
          addCalendarDays(`${addCalendarDays(`${month}-28`, 4).slice(0, 7)}-01`, -1),
          dept,
          ofMonth.filter((d) => d.departmentId === dept),
        ),
      )
  }
  return { cases, events, counters: daily, monthly }
}

async function scale(n: number, functionsDir: string): Promise<void> {
  const t0 = performance.now()
  const w = world(n)
  const cloud = await startLocalCloud({
    port: 0,
    functionsDir,
    indexes: INDEXES,
    log: () => undefined,
    seed: async (db) => {
      await seedDemoCentre(db)
      await db.insert('cases', w.cases)
      await db.insert('case_events', w.events)
      await db.insert('supervision_daily', w.counters as unknown as Record<string, unknown>[])
      await db.insert('supervision_monthly', w.monthly as unknown as Record<string, unknown>[])
      // The fold has run up to the start of the last day: its next run takes in that day only.
      await db.insert('supervision_fold', [
        { _id: 'watermarks', caseEvents: at(TODAY, 0), cases: at(TODAY, 0), lateSweepHour: `${TODAY}T16` },
      ])
    },
  })
  try {
    console.log(
      `\n## supervision console: ${n.toLocaleString()} cases, ${w.events.length.toLocaleString()} timeline events, ${w.counters.length.toLocaleString()} daily and ${w.monthly.length.toLocaleString()} monthly counter documents (${departments.length} departments; loaded in ${((performance.now() - t0) / 1000).toFixed(1)} s)`,
    )
    setBeijingNow(TODAY, '16:00')
    const call = invokeApi(cloud, supervisionContract)
    const check = <T>(r: Result<T>): T => {
      if (!r.ok) throw new Error(JSON.stringify(r.error))
      return r.data
    }
    const f0 = performance.now()
    const folded = check((await cloud.trigger('supervision', 'tick', 'consoleFold')) as Result<Record<string, unknown>>)
    console.log(`fold of the last day's events: ${(performance.now() - f0).toFixed(0)} ms (${JSON.stringify(folded)})`)
    const asks = [
      ['today', { action: 'consoleFigures', period: 'today' }],
      ['a month', { action: 'consoleFigures', period: 'month', date: '2026-06-15' }],
      ['the whole year', { action: 'consoleFigures', period: 'range', from: YEAR_START, to: TODAY }],
      ['one department, the year', { action: 'consoleFigures', period: 'range', from: YEAR_START, to: TODAY, departmentId: 'dept-crj' }],
      ['export: monthly report', { action: 'consoleExport', kind: 'monthly', month: '2026-06' }],
    ] as const
    for (const [label, event] of asks) {
      const answer = check(await call(event, SUPERVISOR))
      const times: number[] = []
      for (let i = 0; i < SAMPLES; i++) {
        const s = performance.now()
        check(await call(event, SUPERVISOR))
        times.push(performance.now() - s)
      }
      const trips = await actionRoundTrips('supervision', async () => check(await call(event, SUPERVISOR)))
      const received = 'total' in answer ? ` · received ${answer.total.received.toLocaleString()}` : ''
      console.log(
        `${label.padEnd(26)} p50 ${pct(times, 50).toFixed(1)} ms  p99 ${pct(times, 99).toFixed(1)} ms · round trips ${trips.total} (${trips.sequential} in sequence, each held ${HELD_MS} ms: ${trips.ms.toFixed(0)} ms)${received}`,
      )
    }
  } finally {
    clearFakeNow()
    await cloud.close()
  }
}

export async function run(): Promise<void> {
  const functionsDir = mkdtempSync(join(tmpdir(), 'bench-supervision-fns-'))
  await buildFunctions(['supervision'], undefined, functionsDir)
  for (const n of SCALES) await scale(n, functionsDir)
}

if (require.main === module)
  run().catch((e) => {
    console.error(e)
    process.exit(1)
  })
