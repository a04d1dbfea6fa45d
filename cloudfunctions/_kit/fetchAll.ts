import { db } from './cloud'

/** The cloud answers at most 1000 documents per query; reference collections stay far below that, paging covers the rest. */
const PAGE = 1000

export async function fetchAll<T>(collection: string, where: Record<string, unknown> = {}, field?: Record<string, boolean>): Promise<T[]> {
  const out: T[] = []
  for (let skip = 0; ; skip += PAGE) {
    let q = db().collection(collection).where(where).orderBy('_id', 'asc').skip(skip).limit(PAGE)
    if (field) q = q.field(field)
    const { data } = await q.get()
    out.push(...(data as T[]))
    if (data.length < PAGE) return out
  }
}
