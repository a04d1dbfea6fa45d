import { cloud, db } from './cloud'
import { COLLECTIONS } from './collections'
import { log } from './log'

/**
 * A mini-program user's UnionID, kept so the notify function can find them among the 服务号's
 * followers (notice/followers.ts). WeChat attaches UNIONID to a call when the mini-program is bound
 * to a 开放平台 account and the user is known to it (developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-sdk-api/utils/Cloud.getWXContext.html);
 * it comes from the call, never from what the client sends. Written only when new or changed.
 */
export async function rememberUnionId(openid: string, now: Date): Promise<void> {
  const unionid = String(cloud.getWXContext().UNIONID ?? '')
  if (!openid || !unionid) return
  try {
    if ((await unionIdOf(openid)) !== unionid)
      await db()
        .collection(COLLECTIONS.unionLinks)
        .doc(openid)
        .set({ data: { unionid, linkedAt: now } })
  } catch (e) {
    log.error('unionLinks.remember', e)
  }
}

export async function unionIdOf(openid: string): Promise<string | undefined> {
  const { data } = await db().collection(COLLECTIONS.unionLinks).where({ _id: openid }).limit(1).get()
  return (data[0] as { unionid?: string } | undefined)?.unionid
}
