import cloud from 'wx-server-sdk'
import { installSdkEnv } from '../../local'

/** The real SDK in the bench process, pointed at a local cloud (for setup writes). */
export function connect(url: string) {
  installSdkEnv(url)
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })
  return { db: cloud.database() as any }
}
