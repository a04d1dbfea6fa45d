import { BOOKING_CODE_ALPHABET } from '../../../types/domain/booking'
import { actsAtWindow } from '../../../types/domain/staff'
import type { Role } from '../../../types/roles'
import { isStaffRole, ROLE_LABELS } from '../../../types/roles'
import { ok, type Result } from '../../../types/result'
import { useLoad } from '../../hooks/useLoad'
import { accountApi } from '../../services/api/account'
import { catalogApi } from '../../services/api/catalog'

export { windowName } from '../../utils/windows'

export interface StaffWindow {
  id: string
  name: string
  number: number
  departmentId: string
  departmentName: string
}

export interface StaffMe {
  role: Role
  roleLabel: string
  name: string
  staffNo: string
  departmentId: string
  /** Works the 帮办 desk (its department is one the centre named for 帮办代办). */
  assistDesk: boolean
  /** The windows this person may act for, by number. */
  windows: StaffWindow[]
  /** Every window of the hall (transfer targets), by number. */
  allWindows: StaffWindow[]
}

/** Who I am as staff, or null when this account is not bound as staff. */
async function loadStaffMe(): Promise<Result<StaffMe | null>> {
  const [w, d] = await Promise.all([accountApi.whoami(), catalogApi.listDepartments()])
  if (!w.ok) return w
  const { role, staff } = w.data
  if (!staff || !isStaffRole(role)) return ok(null)
  if (!d.ok) return d
  const allWindows = d.data.departments
    .flatMap((dep) => dep.windows.map((win) => ({ ...win, departmentId: dep.id, departmentName: dep.name })))
    .sort((a, b) => a.number - b.number)
  return ok({
    role,
    roleLabel: ROLE_LABELS[role],
    name: staff.name,
    staffNo: staff.staffNo,
    departmentId: staff.departmentId,
    assistDesk: staff.assistDesk,
    windows: allWindows.filter((win) => actsAtWindow({ ...staff, role }, win)),
    allWindows,
  })
}

/**
 * Who I am as staff and which windows I act for (`data` null: not staff), loaded once per page:
 * the windows are only a convenience for the picker, as the server checks every action again.
 */
export const useStaffMe = () => useLoad(loadStaffMe, [], { onShow: false })

const CODE_RE = new RegExp(`[${BOOKING_CODE_ALPHABET}]{8}`)

/** The booking code inside whatever a scan returned (the QR holds the bare code; spaces and case are forgiven). */
export function codeFromScan(text: string): string {
  const compact = text.toUpperCase().replace(/\s+/g, '')
  return CODE_RE.exec(compact)?.[0] ?? compact
}
