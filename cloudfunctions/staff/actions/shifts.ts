import type { StaffInput } from '../../../types/contracts/staff'
import { beijingDate } from '../../../types/domain/dates'
import { getWindow } from '../../_kit/catalog'
import { db } from '../../_kit/cloud'
import { COLLECTIONS } from '../../_kit/collections'
import { AppError } from '../../_kit/errors'
import type { ActionContext } from '../../_kit/handler'
import { insertOnce } from '../../_kit/db'
import { assertActsAtWindow } from '../../_kit/staff-scope'
import { beijingInstant } from '../../../types/domain/schedule'
import { attendancePolicy, periodsOf } from '../attendance/policy'
import { assertHallCode } from './hall-code'

export interface ShiftDoc {
  _id: string
  staffId: string
  staffNo: string
  departmentId: string
  windowId?: string
  date: string
  /** Missing on a sign-out made without a sign-in (漏签到). */
  signedInAt?: Date
  signedOutAt?: Date
  open: boolean
}
export const shifts = () => db().collection<ShiftDoc>(COLLECTIONS.shifts)
const view = (s: ShiftDoc) => ({
  shiftId: s._id,
  date: s.date,
  ...(s.windowId ? { windowId: s.windowId } : {}),
  ...(s.signedInAt ? { signedInAt: new Date(s.signedInAt).toISOString() } : {}),
  ...(s.signedOutAt ? { signedOutAt: new Date(s.signedOutAt).toISOString() } : {}),
})

/**
 * Sign-in (签到), with the hall's current code as proof of presence. The record id numbers the
 * day's shifts, so two sign-ins at the same moment meet on one id and only one is written.
 */
export async function signIn({ windowId, code }: StaffInput<'signIn'>, ctx: ActionContext) {
  const caller = await ctx.caller()
  const staff = caller.staff!
  if (windowId) assertActsAtWindow(caller, await getWindow(windowId))
  await assertHallCode(staff._id, code, ctx.now, await attendancePolicy())
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

/**
 * Sign-out (签退), with the hall's code. Without an open record today, a sign-out in a half day
 * already signed out of is refused; otherwise it is recorded as a sign-out without a sign-in
 * (漏签到, scored once), so a person who forgot to sign in can still show they were at the post.
 * Only today's records are closed: a record left open on an earlier day stays a missed sign-out.
 */
export async function signOut({ code }: StaffInput<'signOut'>, ctx: ActionContext) {
  const staff = (await ctx.caller()).staff!
  const policy = await attendancePolicy()
  await assertHallCode(staff._id, code, ctx.now, policy)
  const date = beijingDate(ctx.now)
  const { data } = await shifts().where({ staffId: staff._id, date }).limit(100).get()
  const open = data.find((s) => s.open)
  if (!open) {
    const periods = (await periodsOf([staff], policy))(staff)
    const halfDayOf = (at: number) => periods.filter((p) => beijingInstant(date, p.start).getTime() <= at).length
    const lastOut = Math.max(0, ...data.map((s) => (s.signedOutAt ? new Date(s.signedOutAt).getTime() : 0)))
    if (lastOut && halfDayOf(lastOut) === halfDayOf(ctx.now.getTime())) throw new AppError('CONFLICT', '您已签退')
    const doc: ShiftDoc = {
      _id: `${staff._id}:${date}:${data.length + 1}`,
      staffId: staff._id,
      staffNo: staff.staffNo,
      departmentId: staff.departmentId,
      date,
      signedOutAt: ctx.now,
      open: false,
    }
    if (!(await insertOnce(shifts(), doc))) throw new AppError('CONFLICT', '您已签退')
    return { ...view(doc), signedOutAt: ctx.now.toISOString(), minutes: 0 }
  }
  const { stats } = await shifts()
    .where({ _id: open._id, open: true })
    .update({ data: { open: false, signedOutAt: ctx.now } })
  if (stats.updated !== 1) throw new AppError('CONFLICT', '您已签退')
  const minutes = Math.round((ctx.now.getTime() - new Date(open.signedInAt ?? ctx.now).getTime()) / 60_000)
  return { ...view({ ...open, signedOutAt: ctx.now }), signedOutAt: ctx.now.toISOString(), minutes }
}

export async function myShifts(_input: object, ctx: ActionContext) {
  const staff = (await ctx.caller()).staff!
  const date = beijingDate(ctx.now)
  const { data } = await shifts().where({ staffId: staff._id, date }).limit(100).get()
  // Ids number the day's records (`…:1`, `…:2`): in that order, whichever end a record has.
  const seq = (s: ShiftDoc) => Number(s._id.slice(s._id.lastIndexOf(':') + 1))
  return { date, shifts: [...data].sort((a, b) => seq(a) - seq(b)).map(view), onDuty: data.some((s) => s.open) }
}
