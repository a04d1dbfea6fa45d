import { AppError } from './errors'
import type { Caller } from './identity'
import type { ServiceWindow } from '../../types/domain/catalog'

/**
 * Which windows a staff member acts for: window staff their own windows, a department lead every
 * window of the department, supervisors and admins every window.
 */
export function canActAtWindow(caller: Caller, window: Pick<ServiceWindow, 'id' | 'departmentId'>): boolean {
  const s = caller.staff
  if (!s) return false
  if (s.role === 'supervisor' || s.role === 'admin') return true
  if (s.role === 'dept_lead') return s.departmentId === window.departmentId
  return s.windowIds.includes(window.id)
}

export function assertActsAtWindow(caller: Caller, window: Pick<ServiceWindow, 'id' | 'departmentId'>): void {
  if (!canActAtWindow(caller, window)) throw new AppError('FORBIDDEN', '您不负责该窗口')
}
