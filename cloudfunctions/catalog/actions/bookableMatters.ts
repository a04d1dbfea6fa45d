import type { CatalogInput } from '../../../types/contracts/catalog'
import { addCalendarDays, beijingDate } from '../../../types/domain/dates'
import type { Department, Matter } from '../../../types/domain/catalog'
import { db } from '../../_kit/cloud'
import { COLLECTIONS } from '../../_kit/collections'
import { fetchAll } from '../../_kit/fetchAll'
import type { ActionContext } from '../../_kit/handler'
import { searchTextWhere } from './searchMatters'

/** How far back "most used" looks. */
const RECENT_DAYS = 30

/**
 * 预约办事: only the matters that can be booked, grouped by department. Departments and matters
 * people booked most in the last 30 days come first (then hall order and name), so the common
 * ones are at the top; `q` narrows it as 搜索 does.
 */
export async function bookableMatters({ q }: CatalogInput<'bookableMatters'>, ctx: ActionContext) {
  const _ = db().command
  const [matters, departments, counts] = await Promise.all([
    fetchAll<Pick<Matter, 'id' | 'name' | 'departmentId'>>(
      COLLECTIONS.matters,
      { 'flags.appointment': true, ...searchTextWhere(q) },
      { id: true, name: true, departmentId: true },
    ),
    fetchAll<Department>(COLLECTIONS.departments),
    db()
      .collection(COLLECTIONS.bookings)
      .aggregate()
      .match({ date: _.gte(addCalendarDays(beijingDate(ctx.now), -RECENT_DAYS)) })
      .group({ _id: '$matterId', n: _.aggregate.sum(1) })
      .end<{ _id: string; n: number }>(),
  ])
  const booked = new Map(counts.list.map((c) => [c._id, c.n]))
  const byDept = new Map<string, Array<{ id: string; name: string; booked: number }>>()
  for (const m of matters)
    byDept.set(m.departmentId, [...(byDept.get(m.departmentId) ?? []), { id: m.id, name: m.name, booked: booked.get(m.id) ?? 0 }])
  const total = (id: string) => (byDept.get(id) ?? []).reduce((n, m) => n + m.booked, 0)
  return {
    departments: departments
      .filter((d) => byDept.has(d.id))
      .sort((a, b) => total(b.id) - total(a.id) || a.order - b.order)
      .map((d) => ({
        id: d.id,
        name: d.name,
        location: d.location,
        matters: byDept.get(d.id)!.sort((a, b) => b.booked - a.booked || a.name.localeCompare(b.name, 'zh-CN')),
      })),
  }
}
