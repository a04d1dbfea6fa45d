import { useEffect, useState } from 'react'
import { BOOKING_CODE_ALPHABET } from '../../../types/domain/booking'
import type { Role } from '../../../types/roles'
import { ROLE_LABELS } from '../../../types/roles'
import type { AppErrorBody } from '../../../types/result'
import { whoami } from '../../services/account'
import { listDepartments } from '../../services/catalog'

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
  /** The windows this person may act for, by number. */
  windows: StaffWindow[]
  /** Every window of the hall (transfer targets), by number. */
  allWindows: StaffWindow[]
}

export type StaffLoad =
  { status: 'loading' } | { status: 'error'; error: AppErrorBody } | { status: 'not-staff' } | { status: 'ready'; me: StaffMe }

/**
 * Who I am as staff and which windows I act for, mirroring the server's rule
 * (cloudfunctions/_kit/staff-scope.ts): window staff their own windows, a department lead the
 * department's, supervisors and admins all. Only a convenience for the picker: the server checks
 * every action again.
 */
export function useStaffMe(): StaffLoad & { retry: () => void } {
  const [state, setState] = useState<StaffLoad>({ status: 'loading' })
  const [attempt, setAttempt] = useState(0)
  useEffect(() => {
    let live = true
    setState({ status: 'loading' })
    Promise.all([whoami(), listDepartments()]).then(([w, d]) => {
      if (!live) return
      if (!w.ok) return setState({ status: 'error', error: w.error })
      if (!w.data.staff || w.data.role === 'citizen') return setState({ status: 'not-staff' })
      if (!d.ok) return setState({ status: 'error', error: d.error })
      const s = w.data.staff
      const allWindows = d.data.departments
        .flatMap((dep) => dep.windows.map((win) => ({ ...win, departmentId: dep.id, departmentName: dep.name })))
        .sort((a, b) => a.number - b.number)
      const role = w.data.role
      const mine = allWindows.filter((win) =>
        role === 'supervisor' || role === 'admin'
          ? true
          : role === 'dept_lead'
            ? win.departmentId === s.departmentId
            : s.windowIds.includes(win.id),
      )
      setState({
        status: 'ready',
        me: {
          role,
          roleLabel: ROLE_LABELS[role],
          name: s.name,
          staffNo: s.staffNo,
          departmentId: s.departmentId,
          windows: mine,
          allWindows,
        },
      })
    })
    return () => {
      live = false
    }
  }, [attempt])
  return { ...state, retry: () => setAttempt((n) => n + 1) }
}

export const windowName = (w: Pick<StaffWindow, 'number' | 'name'>) => `${w.number}号窗口 ${w.name}`

const CODE_RE = new RegExp(`[${BOOKING_CODE_ALPHABET}]{8}`)

/** The booking code inside whatever a scan returned (the QR holds the bare code; spaces and case are forgiven). */
export function codeFromScan(text: string): string {
  const compact = text.toUpperCase().replace(/\s+/g, '')
  return CODE_RE.exec(compact)?.[0] ?? compact
}
