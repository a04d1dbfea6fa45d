import type { Persona } from '../../types/domain/staff'

/**
 * The demo personas the local dev login offers (README, "Demo personas"). Citizens and the
 * relative are not in the staff collection: any OPENID that is not bound as staff is a citizen.
 * `role` is a label for the login screen; the server derives the real role from `staff`.
 */
export const personas: Persona[] = [
  { key: 'citizen', openid: 'demo-citizen-a', label: '市民 张伟', role: 'citizen' },
  { key: 'citizen2', openid: 'demo-citizen-b', label: '市民 李娜', role: 'citizen' },
  { key: 'relative', openid: 'demo-relative', label: '亲属 张建国（张伟的父亲）', role: 'relative' },
  { key: 'staffCrj', openid: 'demo-staff-crj', label: '出入境窗口 王芳', role: 'window_staff' },
  { key: 'staffScjg', openid: 'demo-staff-scjg', label: '市场监管窗口 赵磊', role: 'window_staff' },
  { key: 'leadCrj', openid: 'demo-lead-crj', label: '出入境负责人 陈静', role: 'dept_lead' },
  { key: 'supervisor', openid: 'demo-supervisor', label: '效能监督 刘洋', role: 'supervisor' },
  { key: 'admin', openid: 'demo-admin', label: '系统管理员 孙明', role: 'admin' },
]

export type PersonaKey = 'citizen' | 'citizen2' | 'relative' | 'staffCrj' | 'staffScjg' | 'leadCrj' | 'supervisor' | 'admin'

/** Look up a persona by key (tests and scripts); throws on a typo rather than returning undefined. */
export function persona(key: PersonaKey): Persona {
  const p = personas.find((x) => x.key === key)
  if (!p) throw new Error(`unknown persona ${key}`)
  return p
}
