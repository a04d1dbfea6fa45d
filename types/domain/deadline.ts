import type { WorkingDayCalendar } from './working-days'

/**
 * The legal clock of an accepted case, in Beijing dates: it starts the day after acceptance, runs
 * on working days only, and stops while the case waits for the citizen's supplement (补正).
 */
export interface Pause {
  from: string
  /** Undefined while the case is still waiting. */
  to?: string
}

export interface DeadlineView {
  dueDate: string
  /** Working days from today to the due date; negative once overdue. */
  workingDaysLeft: number
  overdue: boolean
  paused: boolean
  /** The span touches a year whose holidays are not announced yet (the date may still move later). */
  provisional: boolean
}

/**
 * What a deadline computed on a provisional year says to the people who read it (here, not in
 * working-days.ts, so the app can show it without bundling the holiday library).
 */
export const PROVISIONAL_NOTE = '暂按法定节假日推算，国务院公布放假安排后自动更新'

/** Working days a pause covers: those after its start up to and including its end (or today while open). */
export const pausedDays = (pauses: Pause[], today: string, cal: WorkingDayCalendar) =>
  pauses.reduce((n, p) => n + Math.max(0, cal.workingDaysBetween(p.from, p.to ?? today)), 0)

/** The due date the calendar gives today, before any promise already made. */
export const computedDueDate = (acceptedOn: string, limitDays: number, pauses: Pause[], today: string, cal: WorkingDayCalendar): string =>
  cal.addWorkingDays(acceptedOn, limitDays + pausedDays(pauses, today, cal))

/**
 * `promised`: the date already told to the citizen. A date promised never moves earlier, even
 * when the calendar later gains a working day (a make-up Saturday): the later of the two stands.
 */
export function deadline(
  acceptedOn: string,
  limitDays: number,
  pauses: Pause[],
  today: string,
  cal: WorkingDayCalendar,
  promised?: string,
): DeadlineView {
  const computed = computedDueDate(acceptedOn, limitDays, pauses, today, cal)
  const dueDate = promised && promised > computed ? promised : computed
  const workingDaysLeft = cal.workingDaysBetween(today, dueDate)
  return {
    dueDate,
    workingDaysLeft,
    overdue: today > dueDate,
    paused: pauses.some((p) => !p.to),
    provisional: cal.spansProvisional(acceptedOn, dueDate),
  }
}
