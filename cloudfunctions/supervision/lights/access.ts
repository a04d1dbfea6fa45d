import { AppError } from '../../_kit/errors'
import type { Caller } from '../../_kit/identity'

/**
 * What a caller may watch: the centre office (supervisor) and the director (admin) every
 * department, a department lead their own, window staff the cases they handle. The contract's
 * `access` keeps citizens out; this narrows staff to their part.
 */
export type Scope =
  { kind: 'all' } | { kind: 'department'; departmentId: string } | { kind: 'handler'; staffNo: string; departmentId: string }

export function scopeOf(caller: Caller): Scope {
  const s = caller.staff
  if (!s) throw new AppError('FORBIDDEN', '您没有权限查看效能监督信息')
  if (s.role === 'supervisor' || s.role === 'admin') return { kind: 'all' }
  if (s.role === 'dept_lead') return { kind: 'department', departmentId: s.departmentId }
  return { kind: 'handler', staffNo: s.staffNo, departmentId: s.departmentId }
}

/** The department filter a caller asked for, within their scope: a lead asking for another department is refused. */
export function departmentFilter(scope: Scope, asked: string | undefined): string | undefined {
  if (scope.kind === 'all') return asked
  if (asked && asked !== scope.departmentId) throw new AppError('FORBIDDEN', '您只能查看本部门的监督信息')
  return scope.departmentId
}
