import type { AccountInput } from '../../../types/contracts/account'
import type { ActionContext } from '../../_kit/handler'

/** The caller's role as the server sees it; staff also get their number, department and windows. */
export async function whoami(_input: AccountInput<'whoami'>, ctx: ActionContext) {
  const { role, staff } = await ctx.caller()
  return staff
    ? { role, staff: { staffNo: staff.staffNo, name: staff.name, departmentId: staff.departmentId, windowIds: staff.windowIds } }
    : { role }
}
