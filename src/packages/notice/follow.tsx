import { OfficialAccount, Text, View } from '@tarojs/components'
import { canOpenProfile, openProfile } from './official'

/**
 * Following the centre's 公众号: the `<official-account>` bar, which WeChat shows only after a
 * scan (scene 1011, 1017, 1025, 1047, 1124) and otherwise reports through its error event (e.g.
 * status 5, scene mismatch) — nothing to tell the user, so the error is ignored; and the
 * 「关注公众号」 entry, which opens the profile on a tap (weapp only; on h5 a note).
 */
export function FollowAccount({ userName }: { userName?: string }) {
  const weapp = process.env.TARO_ENV === 'weapp'
  return (
    <View className="notice-follow">
      {weapp && <OfficialAccount onError={() => undefined} />}
      {weapp && userName && canOpenProfile() ? (
        <View className="notice-follow__entry" hoverClass="notice-follow__entry--pressed" onClick={() => openProfile(userName)}>
          <Text className="notice-follow__title">关注公众号</Text>
          <Text className="notice-follow__desc">政策解读、办事提醒第一时间推送 ›</Text>
        </View>
      ) : (
        <Text className="notice-follow__note">在微信中搜索本中心公众号即可关注，获取政策解读和办事提醒。</Text>
      )}
    </View>
  )
}
