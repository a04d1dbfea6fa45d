import Taro from '@tarojs/taro'

/** Index of 消息 in app.config's tabBar. */
const MESSAGES_TAB = 1

/** The unread count on the 消息 tab (WeChat shows at most a few characters: 99+ beyond that). */
export function showUnreadOnTabBar(unread: number): void {
  const done = () => undefined
  if (unread > 0) Taro.setTabBarBadge({ index: MESSAGES_TAB, text: unread > 99 ? '99+' : String(unread) }).catch(done)
  else Taro.removeTabBarBadge({ index: MESSAGES_TAB }).catch(done)
}
