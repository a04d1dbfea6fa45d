/**
 * Who may call an action. `anyone` includes callers without an OPENID (the public catalogue);
 * `citizen` is every WeChat user who is not bound as staff. Staff roles come from the `staff`
 * collection on the server, never from the client.
 */
export const STAFF_ROLES = ['window_staff', 'dept_lead', 'supervisor', 'admin'] as const
export type StaffRole = (typeof STAFF_ROLES)[number]
export const ROLES = ['citizen', ...STAFF_ROLES] as const
export type Role = (typeof ROLES)[number]
export type Access = 'anyone' | readonly Role[]

export const ROLE_LABELS: Record<Role, string> = {
  citizen: '群众',
  window_staff: '窗口工作人员',
  dept_lead: '部门负责人',
  supervisor: '效能监督',
  admin: '系统管理员',
}

export const isStaffRole = (r: Role): r is StaffRole => r !== 'citizen'
