import type { Department, Matter, ServiceWindow } from '../../types/domain/catalog'
import { db } from './cloud'
import { COLLECTIONS } from './collections'
import { notFound } from './errors'
import { fetchAll } from './fetchAll'

/**
 * Reference data lookups shared by the functions that act on matters and windows. A warm function
 * instance keeps what it read for a minute: the catalogue changes a few times a year, while a
 * booking would otherwise spend a third of its database round trips re-reading it.
 */
const TTL_MS = 60_000
const memo = new Map<string, { at: number; value: Promise<unknown> }>()

function cached<T>(key: string, load: () => Promise<T>): Promise<T> {
  const hit = memo.get(key)
  if (hit && Date.now() - hit.at < TTL_MS) return hit.value as Promise<T>
  const value = load()
  memo.set(key, { at: Date.now(), value })
  // A failed read is not remembered.
  value.catch(() => memo.delete(key))
  return value
}

export const getMatterDoc = (id: string): Promise<Matter> =>
  cached(`matter:${id}`, async () => {
    const { data } = await db().collection(COLLECTIONS.matters).where({ _id: id }).limit(1).get()
    if (!data[0]) throw notFound('未找到该事项')
    return data[0] as Matter
  })

/** Every window, by id (62 in the demo centre: one read serves all lookups). */
export const windowsById = (): Promise<Map<string, ServiceWindow>> =>
  cached('windows', async () => new Map((await fetchAll<ServiceWindow>(COLLECTIONS.windows)).map((w) => [w.id, w])))

export async function getWindow(id: string): Promise<ServiceWindow> {
  const w = (await windowsById()).get(id)
  if (!w) throw notFound('未找到该窗口')
  return w
}

/** Every department of the centre (a few dozen: one read). */
export const allDepartments = (): Promise<Department[]> => cached('departments', () => fetchAll<Department>(COLLECTIONS.departments))

export const getDepartment = (id: string): Promise<Department | undefined> =>
  cached(`department:${id}`, async () => {
    const { data } = await db().collection(COLLECTIONS.departments).where({ _id: id }).limit(1).get()
    return data[0] as Department | undefined
  })
