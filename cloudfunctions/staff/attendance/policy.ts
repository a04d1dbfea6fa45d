import { attendancePolicySchema, DEFAULT_ATTENDANCE_POLICY, orderedPeriods, type AttendancePolicy } from '../../../types/domain/attendance'
import { DEFAULT_SCHEDULE, windowScheduleSchema, type Period } from '../../../types/domain/schedule'
import type { Staff } from '../../../types/domain/staff'
import { db } from '../../_kit/cloud'
import { COLLECTIONS } from '../../_kit/collections'
import { fetchAll } from '../../_kit/fetchAll'
import { readSetting } from '../../_kit/settings'

export const ATTENDANCE_POLICY_ID = 'attendance_policy'

export const attendancePolicy = (): Promise<AttendancePolicy> =>
  readSetting(ATTENDANCE_POLICY_ID, attendancePolicySchema, DEFAULT_ATTENDANCE_POLICY)

/**
 * The half days each person must be at the post: the policy's `periods` when the centre set them,
 * else the hours their first window opens for bookings (`schedules/<window>`, else the hall's
 * DEFAULT_SCHEDULE), the hours the citizens are told the window is staffed.
 */
export async function periodsOf(
  people: Array<Pick<Staff, 'windowIds'>>,
  policy: AttendancePolicy,
): Promise<(p: Pick<Staff, 'windowIds'>) => Period[]> {
  if (policy.periods) {
    const fixed = orderedPeriods(policy.periods)
    return () => fixed
  }
  const windowIds = [...new Set(people.flatMap((p) => p.windowIds.slice(0, 1)))]
  const docs = windowIds.length ? await fetchAll<Record<string, unknown>>(COLLECTIONS.schedules, { _id: db().command.in(windowIds) }) : []
  const byWindow = new Map<string, Period[]>()
  for (const d of docs) {
    const parsed = windowScheduleSchema.safeParse({ ...DEFAULT_SCHEDULE, ...d, _id: undefined })
    if (parsed.success) byWindow.set(String(d._id), orderedPeriods(parsed.data.periods))
  }
  const hall = orderedPeriods(DEFAULT_SCHEDULE.periods)
  return (p) => byWindow.get(p.windowIds[0] ?? '') ?? hall
}
