import { z } from '../zod'
import { STAFF_ROLES } from '../roles'
import { idSchema } from './catalog'

/** A staff member bound to a WeChat account. The role that the server trusts lives here only. */
export const staffSchema = z.object({
  _id: z.string(),
  openid: z.string().min(1),
  staffNo: z.string().regex(/^[A-Z0-9]{4,12}$/),
  name: z.string().min(1).max(20),
  role: z.enum(STAFF_ROLES),
  departmentId: idSchema,
  windowIds: z.array(idSchema),
  active: z.boolean(),
})
export type Staff = z.infer<typeof staffSchema>

/** A demo persona offered by the local dev login (README lists them). */
export const personaSchema = z.object({
  key: z.string(),
  openid: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  label: z.string(),
  role: z.string(),
})
export type Persona = z.infer<typeof personaSchema>

/**
 * Which windows a staff member acts for: window staff their own windows, a department lead every
 * window of the department, supervisors and admins every window. The server enforces it on every
 * action (cloudfunctions/_kit/staff-scope.ts); the app uses it only to offer the right windows.
 */
export function actsAtWindow(
  staff: Pick<Staff, 'role' | 'departmentId' | 'windowIds'>,
  window: { id: string; departmentId: string },
): boolean {
  if (staff.role === 'supervisor' || staff.role === 'admin') return true
  if (staff.role === 'dept_lead') return staff.departmentId === window.departmentId
  return staff.windowIds.includes(window.id)
}
