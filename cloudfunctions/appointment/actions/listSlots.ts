import type { AppointmentInput } from '../../../types/contracts/appointment'
import { getMatterDoc } from '../../_kit/catalog'
import { AppError } from '../../_kit/errors'
import type { ActionContext } from '../../_kit/handler'
import { horizonOf, openSlots } from '../schedules'
import { remainingSeats } from '../../_bookings/seats'

/** The open slots of one date with their remaining seats. A closed day inside the horizon has none. */
export async function listSlots({ matterId, date }: AppointmentInput<'listSlots'>, ctx: ActionContext) {
  const matter = await getMatterDoc(matterId)
  if (!matter.flags.appointment)
    throw new AppError('INVALID_INPUT', '该事项无需预约，可直接到大厅办理', [{ path: 'matterId', message: '该事项不提供预约' }])
  const horizon = await horizonOf(matter, ctx.now)
  if (!horizon.length || date < horizon[0] || date > horizon[horizon.length - 1]) {
    const message = horizon.length ? `可预约日期为${horizon[0]}至${horizon[horizon.length - 1]}` : '暂无可预约日期'
    throw new AppError('INVALID_INPUT', message, [{ path: 'date', message }])
  }
  const slots = await openSlots(matter, [date], ctx.now)
  const left = await remainingSeats(slots)
  return { slots: slots.map((s) => ({ ...s, remaining: left.get(s.slotId) ?? 0 })) }
}
