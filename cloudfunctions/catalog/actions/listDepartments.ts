import type { Department, ServiceWindow } from '../../../types/domain/catalog'
import { db } from '../../_kit/cloud'
import { COLLECTIONS } from '../../_kit/collections'
import { fetchAll } from '../../_kit/fetchAll'

/** Every department in hall order, with its windows and how many matters it handles. */
export async function listDepartments() {
  const [departments, windows, counts] = await Promise.all([
    fetchAll<Department>(COLLECTIONS.departments),
    fetchAll<ServiceWindow>(COLLECTIONS.windows),
    db()
      .collection(COLLECTIONS.matters)
      .aggregate()
      .group({ _id: '$departmentId', n: db().command.aggregate.sum(1) })
      .end<{ _id: string; n: number }>(),
  ])
  const matterCount = new Map(counts.list.map((c) => [c._id, c.n]))
  return {
    departments: departments
      .sort((a, b) => a.order - b.order)
      .map((d) => ({
        id: d.id,
        name: d.name,
        location: d.location,
        phone: d.phone,
        matterCount: matterCount.get(d.id) ?? 0,
        windows: windows
          .filter((w) => w.departmentId === d.id)
          .sort((a, b) => a.number - b.number)
          .map((w) => ({ id: w.id, name: w.name, number: w.number })),
      })),
  }
}
