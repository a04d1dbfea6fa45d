import { AppError } from './errors'
import type { Caller } from './identity'
import type { ServiceWindow } from '../../types/domain/catalog'
import { actsAtWindow } from '../../types/domain/staff'

/** Whether the caller acts for the window (types/domain/staff.ts says who does). */
export const canActAtWindow = (caller: Caller, window: Pick<ServiceWindow, 'id' | 'departmentId'>): boolean =>
  !!caller.staff && actsAtWindow(caller.staff, window)

export function assertActsAtWindow(caller: Caller, window: Pick<ServiceWindow, 'id' | 'departmentId'>): void {
  if (!canActAtWindow(caller, window)) throw new AppError('FORBIDDEN', '您不负责该窗口')
}
