import cloud from 'wx-server-sdk'
import type { Database } from './db-types'

// DYNAMIC_CURRENT_ENV: the function talks to the environment it is deployed in (or, locally, to
// whatever TCB_CONTEXT_CNFG points at), so no environment id is baked into the bundle.
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })

export { cloud }
export const db = (): Database => cloud.database() as unknown as Database
