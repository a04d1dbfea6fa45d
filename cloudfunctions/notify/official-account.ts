import { createHash } from 'node:crypto'
import { resolveOaTemplates, type OaTemplate, type TemplateKey } from '../../types/domain/templates'
import { cloud, db } from '../_kit/cloud'
import { COLLECTIONS } from '../_kit/collections'
import { mpConfig, postJson, withToken } from '../_kit/mp-api'
import { unionIdOf } from '../_kit/union-links'
import { classify, type Outcome } from './policy'

/**
 * The 服务号's template messages as the second push channel: a user who gave no subscription
 * grant but follows the centre's 服务号 (found through their UnionID, notice/followers.ts) gets the
 * message in the 服务号's chat; a tap opens the same mini-program page
 * (`POST /cgi-bin/message/template/send` with `miniprogram { appid, pagepath }`: "url 和
 * miniprogram 同时填写，优先跳转小程序", developers.weixin.qq.com/doc/service/api/notify/template/api_sendtemplatemessage.html).
 * Only a certified 服务号 may send them.
 *
 * Unlike subscribeMessage.send, this send takes `client_msg_id`: "对于同一个openid + client_msg_id,
 * 只发送一条消息,10分钟有效". Derived from the outbox item, it makes a resend within ten minutes of
 * the first attempt safe, so a send whose outcome we did not hear is retried in that window.
 */

/** A route through the 服务号, fixed on the item at its first attempt so every retry takes the same one. */
export interface OaRoute {
  touser: string
  unionid: string
  templateId: string
  /** Absent when no keyword is renamed (the database keeps no empty object). */
  rename?: Record<string, string>
}

/** WeChat keeps a client_msg_id for 10 minutes; resends stop a minute short of it. */
export const DEDUP_WINDOW_MS = 9 * 60_000

let memo: { raw: string | undefined; value: Partial<Record<TemplateKey, OaTemplate>> } | undefined
function oaTemplates(): Partial<Record<TemplateKey, OaTemplate>> {
  const raw = process.env.OA_TEMPLATE_IDS
  if (!memo || memo.raw !== raw) memo = { raw, value: resolveOaTemplates(raw) }
  return memo.value
}

const miniprogramAppid = () => process.env.MINIPROGRAM_APPID || String(cloud.getWXContext().APPID ?? '')

/** The 服务号 route to a mini-program user, if this deployment has one for the template and they follow the 服务号. */
export async function oaRouteTo(openid: string, key: TemplateKey): Promise<OaRoute | undefined> {
  const template = oaTemplates()[key]
  if (!template || !mpConfig() || !miniprogramAppid()) return undefined
  const unionid = await unionIdOf(openid)
  if (!unionid) return undefined
  const { data } = await db().collection(COLLECTIONS.oaFollowers).where({ _id: unionid, following: true }).limit(1).get()
  const follower = data[0] as { oaOpenid?: string } | undefined
  return follower?.oaOpenid ? { touser: follower.oaOpenid, unionid, templateId: template.templateId, rename: template.rename } : undefined
}

export const clientMsgIdOf = (itemId: string) => createHash('sha256').update(itemId).digest('hex').slice(0, 32)

export async function sendTemplate(
  route: OaRoute,
  msg: { itemId: string; pagepath: string; data: Record<string, { value: string }> },
  now: Date,
): Promise<number | undefined> {
  const cfg = mpConfig()
  if (!cfg) throw Object.assign(new Error('未配置公众号'), { errcode: 48001 })
  const data = Object.fromEntries(Object.entries(msg.data).map(([k, v]) => [route.rename?.[k] ?? k, v]))
  const res = await withToken(cfg, now, (token) =>
    postJson<{ msgid?: number }>(`${cfg.base}/cgi-bin/message/template/send?${token}`, {
      touser: route.touser,
      template_id: route.templateId,
      miniprogram: { appid: miniprogramAppid(), pagepath: msg.pagepath },
      data,
      client_msg_id: clientMsgIdOf(msg.itemId),
    }),
  )
  return res.msgid
}

/** The follower stopped following (43004): later pushes skip the 服务号 until the next listing sees them again. */
export const forgetFollower = (unionid: string) =>
  db()
    .collection(COLLECTIONS.oaFollowers)
    .where({ _id: unionid })
    .update({ data: { following: false } })

/**
 * Template send errors, from the 服务号's global return codes
 * (developers.weixin.qq.com/doc/oplatform/Return_codes/Return_code_descriptions_new.html). Permanent:
 * sending again cannot help. Anything else WeChat answered is transient, as for subscription sends.
 */
export const OA_PERMANENT: Record<number, string> = {
  43004: '用户已取消关注服务号（43004）',
  43019: '用户已将服务号拉黑（43019）',
  40003: '服务号接收人 OPENID 无效（40003）',
  40037: '服务号模板 ID 无效，请检查部署配置（40037）',
  47001: '服务号模板数据格式不合规（47001）',
  40165: '服务号模板跳转的小程序页面无效（40165）',
  48001: '服务号未认证或无模板消息权限（48001）',
}

export const classifyTemplateError = (err: unknown): Outcome => classify(err, OA_PERMANENT)
