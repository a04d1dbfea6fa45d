import type { CatalogInput } from '../../../types/contracts/catalog'
import { matterSchema, type Department, type Matter, type ServiceWindow } from '../../../types/domain/catalog'
import { db } from '../../_kit/cloud'
import { COLLECTIONS } from '../../_kit/collections'
import { notFound } from '../../_kit/errors'
import { fetchAll } from '../../_kit/fetchAll'
import { predictionFor } from '../../_kit/predictions'

/** Everything a citizen must know before coming (一次性告知): the matter with its department, windows and how long it usually takes. */
export async function getMatter({ id }: CatalogInput<'getMatter'>) {
  const { data } = await db().collection(COLLECTIONS.matters).where({ _id: id }).limit(1).get()
  const matter = data[0] as Matter | undefined
  if (!matter) throw notFound('未找到该事项')
  const [deptRes, windows, prediction] = await Promise.all([
    db().collection(COLLECTIONS.departments).where({ _id: matter.departmentId }).limit(1).get(),
    fetchAll<ServiceWindow>(COLLECTIONS.windows, { _id: db().command.in(matter.windowIds) }),
    // A prediction is a courtesy: failing to read it never fails the guide.
    predictionFor(matter.id, matter.departmentId).catch(() => undefined),
  ])
  const department = deptRes.data[0] as Department | undefined
  if (!department) throw notFound('该事项所属部门不存在')
  // The schema keeps the matter's own fields and drops storage ones (_id, searchText).
  const picked = matterSchema.parse(matter)
  return {
    ...picked,
    department: { id: department.id, name: department.name, location: department.location, phone: department.phone },
    windows: windows.sort((a, b) => a.number - b.number).map((w) => ({ id: w.id, name: w.name, number: w.number })),
    ...(prediction ? { prediction } : {}),
  }
}
