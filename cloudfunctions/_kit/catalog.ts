import type { Department, Matter, ServiceWindow } from '../../types/domain/catalog'
import { db } from './cloud'
import { COLLECTIONS } from './collections'
import { notFound } from './errors'
import { fetchAll } from './fetchAll'

/** Reference data lookups shared by the functions that act on matters and windows. */

export async function getMatterDoc(id: string): Promise<Matter> {
  const { data } = await db().collection(COLLECTIONS.matters).where({ _id: id }).limit(1).get()
  if (!data[0]) throw notFound('未找到该事项')
  return data[0] as Matter
}

export async function getWindow(id: string): Promise<ServiceWindow> {
  const { data } = await db().collection(COLLECTIONS.windows).where({ _id: id }).limit(1).get()
  if (!data[0]) throw notFound('未找到该窗口')
  return data[0] as ServiceWindow
}

export const getWindows = (ids: string[]) => fetchAll<ServiceWindow>(COLLECTIONS.windows, { _id: db().command.in(ids) })

export async function getDepartment(id: string): Promise<Department | undefined> {
  const { data } = await db().collection(COLLECTIONS.departments).where({ _id: id }).limit(1).get()
  return data[0] as Department | undefined
}
