import { z } from '../zod'
import { ROLES } from '../roles'
import { action, defineFunction, noInput, type ActionName, type ParsedInput } from './contract'
import { profileSchema } from '../domain/profile'

export const accountContract = defineFunction('account', '账号：当前用户的身份、角色与常用信息', {
  whoami: action({
    summary: '当前用户的角色；工作人员另含工号、部门、窗口及是否在帮办窗口',
    access: ROLES,
    input: noInput,
    output: z.object({
      role: z.enum(ROLES),
      staff: z
        .object({
          staffNo: z.string(),
          name: z.string(),
          departmentId: z.string(),
          windowIds: z.array(z.string()),
          /** Works the 帮办 desk (the 帮办代办 tools are theirs). */
          assistDesk: z.boolean(),
        })
        .optional(),
    }),
  }),
  getProfile: action({
    summary: '我的常用信息（姓名、身份证号、手机号、地址），用于自动填表；未保存时为null',
    access: ROLES,
    input: noInput,
    output: z.object({ profile: profileSchema.nullable() }),
  }),
  saveProfile: action({
    summary: '保存我的常用信息',
    access: ROLES,
    input: profileSchema.strict(),
    output: z.object({ profile: profileSchema }),
  }),
  deleteProfile: action({
    summary: '删除我的常用信息（已提交的申请和预约不受影响）',
    access: ROLES,
    input: noInput,
    output: z.object({ deleted: z.boolean() }),
  }),
})

/** What a account action receives: its input as the schema parsed it (defaults filled in). */
export type AccountInput<K extends ActionName<typeof accountContract>> = ParsedInput<typeof accountContract, K>
