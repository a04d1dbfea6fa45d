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
}

/** Working days a pause covers: those after its start up to and including its end (or today while open). */
const pausedDays = (pauses: Pause[], today: string, cal: WorkingDayCalendar) =>
  pauses.reduce((n, p) => n + Math.max(0, cal.workingDaysBetween(p.from, p.to ?? today)), 0)

export function deadline(acceptedOn: string, limitDays: number, pauses: Pause[], today: string, cal: WorkingDayCalendar): DeadlineView {
  const dueDate = cal.addWorkingDays(acceptedOn, limitDays + pausedDays(pauses, today, cal))
  const workingDaysLeft = cal.workingDaysBetween(today, dueDate)
  return { dueDate, workingDaysLeft, overdue: today > dueDate, paused: pauses.some((p) => !p.to) }
}
