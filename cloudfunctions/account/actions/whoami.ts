import { assistPolicySchema, DEFAULT_ASSIST_POLICY, worksAssistDesk } from '../../../types/domain/assist'
import { readSetting } from '../../_kit/settings'
import type { AccountInput } from '../../../types/contracts/account'
import type { ActionContext } from '../../_kit/handler'
import { rememberUnionId } from '../../_kit/union-links'

/**
 * The caller's role as the server sees it; staff also get their number, department and windows.
 * The app asks this at every start, so it is also where the caller's UnionID is remembered (for
 * pushes through the 服务号).
 */
export async function whoami(_input: AccountInput<'whoami'>, ctx: ActionContext) {
  const { openid, role, staff } = await ctx.caller()
  await rememberUnionId(openid, ctx.now)
  if (!staff) return { role }
  const assistDesk = worksAssistDesk(staff, await readSetting('assist_policy', assistPolicySchema, DEFAULT_ASSIST_POLICY))
  return {
    role,
    staff: { staffNo: staff.staffNo, name: staff.name, departmentId: staff.departmentId, windowIds: staff.windowIds, assistDesk },
  }
}
