/** Storage keys used by the app (Taro storage: wx storage in weapp, localStorage as `{"data":…}` in h5). */
export const STORAGE_KEYS = {
  /** OPENID of the chosen demo persona; h5 only, sent to the local gateway as `x-wx-openid`. */
  devOpenid: 'devOpenid',
  /** '1' when 大字模式 (large text, 适老化) is on. */
  largeText: 'largeText',
  /** '1' once the 长辈版 suggestion was answered (switched on or closed): it is shown once only. */
  elderSuggested: 'elderSuggested',
  /** Staff: the window last opened in the 叫号台, so the console opens on it next time. */
  staffWindow: 'staffWindow',
  /**
   * h5 only: the kept answer to the consent prompt ('accept' | 'reject'), like WeChat's
   * 「总是保持以上选择，不再询问」; unset = ask every time. Set on the dev login page (and by browser tests).
   */
  subscribeKeep: 'subscribeKeep',
  /** The sign-in screen (签到码 page): its display token, given once by the administrator's link. */
  hallDisplayToken: 'hallDisplayToken',
} as const
