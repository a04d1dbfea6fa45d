import Taro from '@tarojs/taro'

/** Storage key of this install's lookup id (kept here until STORAGE_KEYS lists it). */
const KEY = 'lookupDeviceId'

/**
 * A random id this install keeps, sent with 进度查询 so the server can count failed tries per
 * device as well as per account: switching accounts in one browser (the h5 build shares its
 * storage between them) buys no extra guesses. It is never identity and grants nothing: the
 * server only ever refuses by it. WeChat keeps storage per user, so in the mini-program it adds
 * little, at no cost. Not a secret, so Math.random is enough; undefined when storage fails.
 */
export function lookupDeviceId(): string | undefined {
  try {
    const kept = Taro.getStorageSync(KEY)
    if (typeof kept === 'string' && /^[A-Za-z0-9_-]{16,64}$/.test(kept)) return kept
    const made = Array.from({ length: 3 }, () => Math.random().toString(36).slice(2, 10).padEnd(8, '0')).join('')
    Taro.setStorageSync(KEY, made)
    return made
  } catch {
    return undefined
  }
}
