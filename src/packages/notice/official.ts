/**
 * The 公众号 from the mini-program: an article opens with wx.openOfficialAccountArticle (base
 * library ≥ 3.4.8, on a tap, any published article), the profile with wx.openOfficialAccountProfile
 * (≥ 3.7.10, on a tap, the 公众号's original id; same or 关联主体), per
 * developers.weixin.qq.com/miniprogram/dev/api/open-api/official-account/. Neither is in Taro's
 * typings, so they are read off `wx` and a base library without them falls back (a copied link,
 * a note). On h5 an article is an ordinary link.
 */
import Taro from '@tarojs/taro'
import { toast } from '../../utils/alert'

interface WxOfficial {
  openOfficialAccountArticle?: (o: { url: string; fail?: (e: unknown) => void }) => void
  openOfficialAccountProfile?: (o: { username: string; fail?: (e: unknown) => void }) => void
}
declare const wx: WxOfficial | undefined

const weapp = () => (process.env.TARO_ENV === 'weapp' && typeof wx !== 'undefined' ? wx : undefined)

export function openArticle(url: string): void {
  if (process.env.TARO_ENV === 'h5') {
    window.open(url, '_blank', 'noopener')
    return
  }
  const api = weapp()
  const copy = () => Taro.setClipboardData({ data: url }).then(() => toast('已复制文章链接，可在微信中打开'))
  if (!api?.openOfficialAccountArticle) return void copy()
  api.openOfficialAccountArticle({ url, fail: () => void copy() })
}

/** Whether this client can open the 公众号's profile (the weapp with a new enough base library). */
export const canOpenProfile = () => !!weapp()?.openOfficialAccountProfile

export function openProfile(username: string): void {
  weapp()?.openOfficialAccountProfile?.({ username, fail: () => toast('请在微信中搜索本中心公众号关注') })
}
