import { Text, View } from '@tarojs/components'
import { HALF_DAY_LABELS, HALF_DAYS, MAX_PREFERRED, type VisitSlot } from '../../../types/domain/visit'
import { monthDay, weekdayLabel } from '../../utils/dates'

// Styled by the door-to-door stylesheet (src/packages/visit/visit.scss) the pages that use it import.
export const sameSlot = (a: VisitSlot, b: VisitSlot) => a.date === b.date && a.half === b.half

/** Toggles one half day in a choice of at most MAX_PREFERRED (a further tap beyond it does nothing). */
export function toggleSlot(chosen: VisitSlot[], s: VisitSlot): VisitSlot[] {
  if (chosen.some((c) => sameSlot(c, s))) return chosen.filter((c) => !sameSlot(c, s))
  return chosen.length >= MAX_PREFERRED ? chosen : [...chosen, s]
}

/** The working days offered, each with 上午 and 下午; the chosen ones filled and marked ✓ in text too. */
export function HalfDayPicker({ dates, chosen, onToggle }: { dates: string[]; chosen: VisitSlot[]; onToggle: (s: VisitSlot) => void }) {
  return (
    <View className="visit-half-days">
      {dates.map((date) => (
        <View key={date} className="visit-page__day">
          <Text className="visit-page__day-label">
            {monthDay(date)} {weekdayLabel(date)}
          </Text>
          {HALF_DAYS.map((half) => {
            const on = chosen.some((c) => sameSlot(c, { date, half }))
            return (
              <View
                key={half}
                className={`visit-page__half visit-page__half--${date}-${half}${on ? ' visit-page__half--on' : ''}`}
                hoverClass="visit-page__half--pressed"
                onClick={() => onToggle({ date, half })}
              >
                {on ? `✓ ${HALF_DAY_LABELS[half]}` : HALF_DAY_LABELS[half]}
              </View>
            )
          })}
        </View>
      ))}
    </View>
  )
}
