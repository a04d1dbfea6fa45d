import type { AccountInput } from '../../../types/contracts/account'
import type { Profile } from '../../../types/domain/profile'
import { db } from '../../_kit/cloud'
import { COLLECTIONS } from '../../_kit/collections'
import type { ActionContext } from '../../_kit/handler'

/** The caller's own profile; the document id is the OPENID, so nobody reads another's. */
export async function getProfile(_input: object, ctx: ActionContext) {
  const { openid } = await ctx.caller()
  const { data } = await db().collection(COLLECTIONS.profiles).where({ _id: openid }).limit(1).get()
  if (!data[0]) return { profile: null }
  const { name, idNumber, phone, address } = data[0] as Profile
  return { profile: { name, idNumber, phone, ...(address ? { address } : {}) } }
}

/** Forgets the caller's profile; what they already submitted keeps its own copy. */
export async function deleteProfile(_input: object, ctx: ActionContext) {
  const { openid } = await ctx.caller()
  const { stats } = await db().collection(COLLECTIONS.profiles).where({ _id: openid }).remove()
  return { deleted: stats.removed > 0 }
}

export async function saveProfile(profile: AccountInput<'saveProfile'>, ctx: ActionContext) {
  const { openid } = await ctx.caller()
  await db()
    .collection(COLLECTIONS.profiles)
    .doc(openid)
    .set({ data: { ...profile, updatedAt: ctx.now } })
  return { profile }
}
