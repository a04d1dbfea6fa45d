import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import type { StaffInput } from '../../../types/contracts/staff'
import {
  digitsOfHash,
  HALL_CODE_SECONDS,
  hallCodeMessage,
  hallCodePayload,
  hallCodeSlot,
  slotStartMs,
  type AttendancePolicy,
} from '../../../types/domain/attendance'
import { beijingDate } from '../../../types/domain/dates'
import { db } from '../../_kit/cloud'
import { COLLECTIONS } from '../../_kit/collections'
import { insertOnce } from '../../_kit/db'
import { AppError, notFound } from '../../_kit/errors'
import type { ActionContext } from '../../_kit/handler'
import { keyedHash } from '../../_kit/secrets'

/**
 * The hall's rotating sign-in code (签到码) and the displays allowed to show it.
 *
 * The code of a 30-second window is an HMAC of the window's number and its Beijing date under the
 * functions' secret (ID_HASH_KEY): nobody without the secret can compute the next one, so a staff
 * member at home has only the codes someone in the hall reads off the screen and passes on, and
 * those expire within a minute. A display proves it was registered by a 128-bit token that only
 * its own storage holds; the database keeps a SHA-256 of it.
 */

interface DisplayDoc {
  _id: string
  name: string
  createdAt: Date
  createdBy: string
  lastSeenAt?: Date
  revokedAt?: Date
}

const displays = () => db().collection<DisplayDoc>(COLLECTIONS.hallDisplays)
const displayIdOf = (token: string) => `hd-${createHash('sha256').update(token).digest('hex').slice(0, 40)}`
/** How often a display's answer also records that it was seen (one write per display per few minutes, not per poll). */
const SEEN_EVERY_MS = 5 * 60_000

export const codeOfSlot = (slot: number): string => digitsOfHash(keyedHash(hallCodeMessage(slot), 16))

const viewOf = (d: DisplayDoc) => ({
  displayId: d._id,
  name: d.name,
  createdAt: new Date(d.createdAt).toISOString(),
  createdBy: d.createdBy,
  ...(d.lastSeenAt ? { lastSeenAt: new Date(d.lastSeenAt).toISOString() } : {}),
  ...(d.revokedAt ? { revokedAt: new Date(d.revokedAt).toISOString() } : {}),
})

const sameCode = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b))

/** Whether `code` is the hall's code now or in the previous window (the scan and the network take a few seconds). */
export function isFreshCode(code: string, now: Date): boolean {
  const slot = hallCodeSlot(now.getTime())
  return [slot, slot - 1].some((s) => sameCode(codeOfSlot(s), code))
}

/**
 * Checks the code a sign-in or sign-out carries. Each wrong code takes one place of the person's
 * daily budget before it is checked (one conditional update, so parallel guesses cannot pass the
 * limit), and a right one gives it back: 10 guesses a day at 2 in 10^6 each is a chance of 1 in
 * 50,000 a day of signing in from home by guessing.
 */
export async function assertHallCode(staffId: string, code: string, now: Date, policy: AttendancePolicy): Promise<void> {
  const key = `hc:${staffId}:${beijingDate(now)}`
  const limits = () => db().collection(COLLECTIONS.lookupAttempts)
  const _ = db().command
  const take = async (): Promise<boolean> => {
    for (let round = 0; round < 5; round++) {
      const { stats } = await limits()
        .where({ _id: key, misses: _.lt(policy.maxWrongCodesPerDay) })
        .update({ data: { misses: _.inc(1), touchedAt: now } })
      if (stats.updated === 1) return true
      const { data } = await limits().where({ _id: key }).limit(1).get()
      if (data.length) return false
      if (await insertOnce(limits(), { _id: key, misses: 1, touchedAt: now })) return true
    }
    return false
  }
  if (!(await take())) throw new AppError('RATE_LIMITED', '今天输错签到码的次数过多，已暂停签到签退，请联系中心办公室')
  if (!isFreshCode(code, now)) throw new AppError('CONFLICT', '签到码不正确或已过期，请重新扫描大厅屏幕上的二维码')
  await limits()
    .where({ _id: key })
    .update({ data: { misses: _.inc(-1) } })
}

export async function registerDisplay({ name }: StaffInput<'registerDisplay'>, ctx: ActionContext) {
  const admin = (await ctx.caller()).staff!
  const token = randomBytes(16).toString('hex')
  const doc: DisplayDoc = { _id: displayIdOf(token), name, createdAt: ctx.now, createdBy: `${admin.name}（${admin.staffNo}）` }
  if (!(await insertOnce(displays(), doc))) throw new AppError('CONFLICT', '请重试')
  return { ...viewOf(doc), token }
}

export async function listDisplays(_input: object, _ctx: ActionContext) {
  const { data } = await displays().orderBy('createdAt', 'desc').limit(100).get()
  return { displays: data.map(viewOf) }
}

export async function revokeDisplay({ displayId }: StaffInput<'revokeDisplay'>, ctx: ActionContext) {
  const { data } = await displays().where({ _id: displayId }).limit(1).get()
  const doc = data[0]
  if (!doc) throw notFound('未找到该签到屏幕')
  if (doc.revokedAt) return viewOf(doc)
  await displays()
    .where({ _id: displayId })
    .update({ data: { revokedAt: ctx.now } })
  return viewOf({ ...doc, revokedAt: ctx.now })
}

/** The current code for a registered display (the sign-in screen, and the hall board when it comes). */
export async function hallCode({ token }: StaffInput<'hallCode'>, ctx: ActionContext) {
  const id = displayIdOf(token)
  const { data } = await displays().where({ _id: id }).limit(1).get()
  const doc = data[0]
  if (!doc || doc.revokedAt) throw new AppError('FORBIDDEN', '本屏幕未登记或已停用，请管理员在「考勤与考核」中登记签到屏幕')
  const slot = hallCodeSlot(ctx.now.getTime())
  const code = codeOfSlot(slot)
  if (!doc.lastSeenAt || ctx.now.getTime() - new Date(doc.lastSeenAt).getTime() >= SEEN_EVERY_MS)
    await displays()
      .where({ _id: id })
      .update({ data: { lastSeenAt: ctx.now } })
  return {
    code,
    payload: hallCodePayload(code),
    displayName: doc.name,
    validFrom: new Date(slotStartMs(slot)).toISOString(),
    validUntil: new Date(slotStartMs(slot + 1)).toISOString(),
    serverTime: ctx.now.toISOString(),
    periodSeconds: HALL_CODE_SECONDS,
  }
}
