import { createHash, randomInt } from 'node:crypto'
import type { StaffInput } from '../../../types/contracts/staff'
import type { Staff } from '../../../types/domain/staff'
import { BOOKING_CODE_ALPHABET } from '../../../types/domain/booking'
import { getDepartment, windowsById } from '../../_kit/catalog'
import { db } from '../../_kit/cloud'
import { COLLECTIONS } from '../../_kit/collections'
import { AppError, notFound } from '../../_kit/errors'
import type { ActionContext } from '../../_kit/handler'
import { isDuplicate } from '../../_kit/db'

/** Invitations are stored under a hash of the code: whoever reads the collection cannot bind with it. */
const idOf = (code: string) => `inv-${createHash('sha256').update(code.toUpperCase()).digest('hex').slice(0, 40)}`
/** 10 characters of 31: about 8·10^14 codes, and each lives 72 hours. */
const newCode = () => Array.from({ length: 10 }, () => BOOKING_CODE_ALPHABET[randomInt(BOOKING_CODE_ALPHABET.length)]).join('')

const invitations = () => db().collection(COLLECTIONS.invitations)
const staffColl = () => db().collection<Staff>(COLLECTIONS.staff)

type CreateInput = StaffInput<'createInvitation'>

/** An admin invites one person: the code carries the role, department, windows and staff number. */
export async function createInvitation(input: CreateInput, ctx: ActionContext) {
  const admin = (await ctx.caller()).staff!
  if (!(await getDepartment(input.departmentId)))
    throw new AppError('INVALID_INPUT', '部门不存在', [{ path: 'departmentId', message: '部门不存在' }])
  const windows = await windowsById()
  const foreign = input.windowIds.filter((id) => windows.get(id)?.departmentId !== input.departmentId)
  if (foreign.length)
    throw new AppError('INVALID_INPUT', '窗口不属于该部门', [{ path: 'windowIds', message: `窗口不属于该部门：${foreign.join('、')}` }])
  const { data: taken } = await staffColl().where({ staffNo: input.staffNo }).limit(1).get()
  if (taken.length) throw new AppError('CONFLICT', '该工号已被使用')
  const code = newCode()
  const expiresAt = new Date(ctx.now.getTime() + input.validHours * 3_600_000)
  await invitations().add({
    data: {
      _id: idOf(code),
      role: input.role,
      departmentId: input.departmentId,
      windowIds: input.windowIds,
      staffNo: input.staffNo,
      name: input.name,
      status: 'open',
      expiresAt,
      createdBy: admin.staffNo,
      createdAt: ctx.now,
    },
  })
  return { code, staffNo: input.staffNo, expiresAt: expiresAt.toISOString() }
}

/**
 * Binds the caller's WeChat account with a code. The code is claimed by one conditional update
 * (open → used), so of two people binding at once exactly one succeeds; if the staff record then
 * cannot be written (the account or staff number is already bound) the claim is given back.
 */
export async function bindInvitation({ code }: StaffInput<'bindInvitation'>, ctx: ActionContext) {
  const { openid } = await ctx.caller()
  const id = idOf(code)
  const { data } = await invitations().where({ _id: id }).limit(1).get()
  const inv = data[0]
  if (!inv) throw notFound('邀请码无效')
  if (inv.status !== 'open') throw new AppError('CONFLICT', '邀请码已被使用')
  if (new Date(inv.expiresAt) <= ctx.now) throw new AppError('CONFLICT', '邀请码已过期，请联系管理员重新生成')
  const { stats } = await invitations()
    .where({ _id: id, status: 'open' })
    .update({ data: { status: 'used', usedBy: openid, usedAt: ctx.now } })
  if (stats.updated !== 1) throw new AppError('CONFLICT', '邀请码已被使用')
  const staff: Staff = {
    _id: `staff-${inv.staffNo.toLowerCase()}`,
    openid,
    staffNo: inv.staffNo,
    name: inv.name,
    role: inv.role,
    departmentId: inv.departmentId,
    windowIds: inv.windowIds,
    active: true,
  }
  try {
    await staffColl().add({ data: staff })
  } catch (e) {
    const _ = db().command
    await invitations()
      .where({ _id: id, usedBy: openid })
      .update({ data: { status: 'open', usedBy: _.remove(), usedAt: _.remove() } })
    if (isDuplicate(e)) throw new AppError('CONFLICT', '该微信账号或工号已绑定工作人员')
    throw e
  }
  return { staffNo: staff.staffNo, name: staff.name, role: staff.role, departmentId: staff.departmentId, windowIds: staff.windowIds }
}
