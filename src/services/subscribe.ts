import Taro from '@tarojs/taro'
import type { OutputOf } from '../../types/contracts/contract'
import type { GRANT_STATUSES, notifyContract } from '../../types/contracts/notify'
import { MAX_TEMPLATES_PER_REQUEST, type SubscribeMoment } from '../../types/domain/templates'
import { notifyApi } from './api/notify'
import { STORAGE_KEYS } from './storage-keys'
import { confirm } from '../utils/alert'

type Template = OutputOf<(typeof notifyContract.actions)['subscribeTemplates']>['templates'][number]
type GrantStatus = (typeof GRANT_STATUSES)[number]
export type KeptConsent = 'accept' | 'reject' | ''

/**
 * 订阅消息 consent, asked at the moments that matter (after booking, submitting a case, taking a
 * ticket, asking a question, following a relative's case).
 *
 * Rules from WeChat (wx.requestSubscribeMessage): it must run inside the user's tap handler, with
 * at most 3 template ids per call. So pages call `prefetchConsent(moment)` when they open and
 * `askConsent(moment)` first thing in the confirm tap: with the list already cached no network
 * round trip sits between the tap and the prompt. The grants are reported BEFORE the caller goes
 * on with its submit, because the notify function tries to push the confirmation right after the
 * event, and without a recorded grant it would only reach the message centre.
 *
 * askConsent never throws and never blocks the submit: a refusal, a failed call or a missing
 * template list only means no push (the message centre still gets every message).
 */
const cache = new Map<SubscribeMoment, Promise<Template[]>>()

function templatesFor(moment: SubscribeMoment): Promise<Template[]> {
  let p = cache.get(moment)
  if (!p) {
    p = notifyApi.subscribeTemplates({ moment }).then((r) => (r.ok ? r.data.templates.slice(0, MAX_TEMPLATES_PER_REQUEST) : []))
    cache.set(moment, p)
    // A failed fetch is not kept: the next tap asks the server again.
    p.then((ts) => ts.length === 0 && cache.delete(moment))
  }
  return p
}

/** Loads the templates of a moment ahead of the tap (call when the confirm screen opens). */
export function prefetchConsent(moment: SubscribeMoment): void {
  templatesFor(moment).catch(() => cache.delete(moment))
}

/** Asks for consent and reports what the user answered. Resolves when the grants are recorded (or given up on). */
export async function askConsent(moment: SubscribeMoment): Promise<void> {
  try {
    const templates = await templatesFor(moment)
    if (templates.length === 0) return
    const statuses = process.env.TARO_ENV === 'h5' ? await askInPage(templates) : await askWeChat(templates)
    const grants = templates.filter((t) => statuses[t.templateId]).map((t) => ({ templateKey: t.key, status: statuses[t.templateId]! }))
    if (grants.length) await notifyApi.reportGrants({ grants })
  } catch {
    // Consent is a bonus: whatever went wrong, the caller's submit goes on.
  }
}

const isGrantStatus = (v: unknown): v is GrantStatus => v === 'accept' || v === 'reject' || v === 'ban' || v === 'filter'

/** The real prompt. Fails (and answers nothing) when the user switched subscriptions off (20004) or an id is wrong (20001). */
async function askWeChat(templates: Template[]): Promise<Record<string, GrantStatus>> {
  const tmplIds = templates.map((t) => t.templateId)
  const res = (await Taro.requestSubscribeMessage({ tmplIds } as Taro.requestSubscribeMessage.Option).catch(() => null)) as Record<
    string,
    unknown
  > | null
  const out: Record<string, GrantStatus> = {}
  for (const id of tmplIds) if (res && isGrantStatus(res[id])) out[id] = res[id] as GrantStatus
  return out
}

export function keptConsent(): KeptConsent {
  try {
    const v = Taro.getStorageSync(STORAGE_KEYS.subscribeKeep)
    return v === 'accept' || v === 'reject' ? v : ''
  } catch {
    return ''
  }
}

export function setKeptConsent(v: KeptConsent): void {
  try {
    if (v) Taro.setStorageSync(STORAGE_KEYS.subscribeKeep, v)
    else Taro.removeStorageSync(STORAGE_KEYS.subscribeKeep)
  } catch {
    // storage unavailable: the prompt simply shows each time
  }
}

/**
 * The h5 build (local mode) stands in for WeChat's prompt with a modal listing the same template
 * titles; a kept answer (WeChat's 「总是保持以上选择」) answers without asking, as WeChat does.
 */
async function askInPage(templates: Template[]): Promise<Record<string, GrantStatus>> {
  const kept = keptConsent()
  const answer = kept
    ? kept
    : (await confirm({
          title: '申请发送以下消息',
          content: `${templates.map((t) => t.title).join('、')}。允许后，办理有进展时会通过微信提醒您。`,
          confirmText: '允许',
        }))
      ? 'accept'
      : 'reject'
  return Object.fromEntries(templates.map((t) => [t.templateId, answer]))
}
