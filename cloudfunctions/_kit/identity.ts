import type { Role } from '../../types/roles'
import type { Staff } from '../../types/domain/staff'
import { cloud, db } from './cloud'
import { COLLECTIONS } from './collections'

export interface Caller {
  /** Empty for a caller WeChat did not identify (only `anyone` actions accept it). */
  openid: string
  role: Role
  staff?: Staff
}

/**
 * Who is calling: the OPENID WeChat attaches to the invocation and the role stored for it in the
 * staff collection. Whatever the event says about identity is never read.
 */
export async function identifyCaller(): Promise<Caller> {
  const openid = String(cloud.getWXContext().OPENID ?? '')
  if (!openid) return { openid, role: 'citizen' }
  const { data } = await db().collection(COLLECTIONS.staff).where({ openid, active: true }).limit(1).get()
  const staff = data[0] as Staff | undefined
  return staff ? { openid, role: staff.role, staff } : { openid, role: 'citizen' }
}
