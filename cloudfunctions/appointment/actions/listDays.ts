import { getMatterDoc } from '../../_kit/catalog'
import type { ActionContext } from '../../_kit/handler'
import { openSlots } from '../schedules'
import { remainingSeats } from '../seats'

/** The booking calendar: each open date of the horizon with the seats left across the matter's windows. */
export async function listDays({ matterId }: { matterId: string }, ctx: ActionContext) {
  const matter = await getMatterDoc(matterId)
  if (!matter.flags.appointment) return { days: [] }
  const slots = await openSlots(matter, 'horizon', ctx.now)
  const left = await remainingSeats(slots)
  const byDate = new Map<string, number>()
  for (const s of slots) byDate.set(s.date, (byDate.get(s.date) ?? 0) + (left.get(s.slotId) ?? 0))
  return { days: [...byDate].sort(([a], [b]) => a.localeCompare(b)).map(([date, remaining]) => ({ date, remaining })) }
}
