import type { OrderObjectInput } from '../../../types/contracts/supervision/orders'
import { complaintTitle, type ComplaintAbout } from '../../../types/domain/complaint'
import { getDepartment } from '../../_kit/catalog'
import { db } from '../../_kit/cloud'
import { COLLECTIONS } from '../../_kit/collections'
import { AppError, notFound } from '../../_kit/errors'
import type { StoredObject } from './store'

/** The object of an order, resolved: how the order names it and the department it belongs to (none: the office picks one). */
export interface ResolvedObject {
  object: StoredObject
  departmentId?: string
}

async function one<T>(collection: string, id: string): Promise<T | undefined> {
  const { data } = await db().collection(collection).where({ _id: id }).limit(1).get()
  return data[0] as T | undefined
}

/**
 * The object named by the office, read from its own collection. Only the fields an order shows
 * are kept: a case's number and matter (never the applicant), a rating's or a complaint's
 * subject (never who rated or complained, nor their words).
 */
export async function resolveObject(input: OrderObjectInput): Promise<ResolvedObject> {
  switch (input.kind) {
    case 'case': {
      const c = await one<{ caseNo: string; matterName: string; departmentId: string; state: string }>(COLLECTIONS.cases, input.caseId)
      if (!c || c.state === 'draft') throw notFound('未找到该办件')
      return {
        object: { kind: 'case', id: input.caseId, title: `${c.matterName} · ${c.caseNo}`, caseNo: c.caseNo, matterName: c.matterName },
        departmentId: c.departmentId,
      }
    }
    case 'rating': {
      const r = await one<{ title: string; departmentId: string; bad: boolean }>(COLLECTIONS.ratings, input.ratingId)
      if (!r) throw notFound('未找到该评价')
      if (!r.bad) throw new AppError('INVALID_INPUT', '只能对差评发出督办', [{ path: 'object.ratingId', message: '只能对差评发出督办' }])
      return { object: { kind: 'rating', id: input.ratingId, title: `差评：${r.title}` }, departmentId: r.departmentId }
    }
    case 'complaint': {
      const c = await one<{ about: ComplaintAbout; departmentId?: string }>(COLLECTIONS.complaints, input.complaintId)
      if (!c) throw notFound('未找到该投诉')
      return { object: { kind: 'complaint', id: input.complaintId, title: complaintTitle(c.about) }, departmentId: c.departmentId }
    }
    case 'pattern':
      return { object: { kind: 'pattern', title: '共性问题' } }
  }
}

/** The department an order goes to: the object's own, or for a pattern (or an untransferred complaint) the one the office picked. */
export async function orderDepartment(resolved: ResolvedObject, picked: string | undefined): Promise<{ id: string; name: string }> {
  if (resolved.departmentId && picked && picked !== resolved.departmentId)
    throw new AppError('INVALID_INPUT', '督办对象属于其他部门', [{ path: 'departmentId', message: '督办对象属于其他部门' }])
  const id = resolved.departmentId ?? picked
  if (!id) throw new AppError('INVALID_INPUT', '请选择被督办的部门', [{ path: 'departmentId', message: '请选择被督办的部门' }])
  const d = await getDepartment(id)
  if (!d) throw new AppError('INVALID_INPUT', '未找到该部门', [{ path: 'departmentId', message: '未找到该部门' }])
  return { id, name: d.name }
}
