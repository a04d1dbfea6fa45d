import { z } from '../zod'
import { ROLES } from '../roles'
import { action, defineFunction, noInput } from './contract'

export const accountContract = defineFunction('account', '账号：当前用户的身份与角色', {
  whoami: action({
    summary: '当前用户的角色；工作人员另含工号、部门与窗口',
    access: ROLES,
    input: noInput,
    output: z.object({
      role: z.enum(ROLES),
      staff: z
        .object({ staffNo: z.string(), name: z.string(), departmentId: z.string(), windowIds: z.array(z.string()) })
        .optional(),
    }),
  }),
})
