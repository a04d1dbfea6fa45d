import type { StaffInput } from '../../../types/contracts/staff'
import { beijingDate } from '../../../types/domain/dates'
import { getWindow } from '../../_kit/catalog'
import { db } from '../../_kit/cloud'
import { COLLECTIONS } from '../../_kit/collections'
import { AppError } from '../../_kit/errors'
import type { ActionContext } from '../../_kit/handler'
import { insertOnce } from '../../_kit/db'
import { assertActsAtWindow } from '../../_kit/staff-scope'

interface ShiftDoc {
  _id: string
  staffId: string
  staffNo: string
  departmentId: string
  windowId?: string
  date: string
  signedInAt: Date
  signedOutAt?: Date
  open: boolean
}
const shifts = () => db().collection<ShiftDoc>(COLLECTIONS.shifts)
const view = (s: ShiftDoc) => ({
  shiftId: s._id,
  date: s.date,
  ...(s.windowId ? { windowId: s.windowId } : {}),
  signedInAt: new Date(s.signedInAt).toISOString(),
  ...(s.signedOutAt ? { signedOutAt: new Date(s.signedOutAt).toISOString() } : {}),
})

/**
 * Sign-in (签到). The record id numbers the day's shifts, so two sign-ins at the same moment meet
 * on one id and only one is written.
 */
export async function signIn({ windowId }: StaffInput<'signIn'>, ctx: ActionContext) {
  const caller = await ctx.caller()
  const staff = caller.staff!
  if (windowId) assertActsAtWindow(caller, await getWindow(windowId))
  const date = beijingDate(ctx.now)
  const { data } = await shifts().where({ staffId: staff._id, date }).limit(100).get()
  if (data.some((s) => s.open)) throw new AppError('CONFLICT', '您已签到，请先签退')
  const doc: ShiftDoc = {
    _id: `${staff._id}:${date}:${data.length + 1}`,
    staffId: staff._id,
    staffNo: staff.staffNo,
    departmentId: staff.departmentId,
    ...(windowId ? { windowId } : {}),
    date,
    signedInAt: ctx.now,
    open: true,
  }
  if (!(await insertOnce(shifts(), doc))) throw new AppError('CONFLICT', '您已签到')
  return view(doc)
}

export async function signOut(_input: object, ctx: ActionContext) {
  const staff = (await ctx.caller()).staff!
  const { data } = await shifts().where({ staffId: staff._id, open: true }).limit(1).get()
  const open = data[0]
  if (!open) throw new AppError('CONFLICT', '您尚未签到')
  const { stats } = await shifts()
    .where({ _id: open._id, open: true })
    .update({ data: { open: false, signedOutAt: ctx.now } })
  if (stats.updated !== 1) throw new AppError('CONFLICT', '您已签退')
  const minutes = Math.round((ctx.now.getTime() - new Date(open.signedInAt).getTime()) / 60_000)
  return { ...view({ ...open, signedOutAt: ctx.now }), signedOutAt: ctx.now.toISOString(), minutes }
}

export async function myShifts(_input: object, ctx: ActionContext) {
  const staff = (await ctx.caller()).staff!
  const date = beijingDate(ctx.now)
  const { data } = await shifts().where({ staffId: staff._id, date }).orderBy('signedInAt', 'asc').limit(100).get()
  return { date, shifts: data.map(view), onDuty: data.some((s) => s.open) }
}
