/**
 * Raw admin API requests for tests that need to send what the SDK would not (a limit above its
 * clamp, a malformed body), signed exactly as @cloudbase/node-sdk signs them: TC3-HMAC-SHA256 with
 * the cloud's admin key, through the SDK's own signer (see local/adminauth.ts).
 */
import { signer } from '../../local/adminauth'
import type { SdkTarget } from '../../local'

/** POST `params` to `/admin` signed with `key` (default: the cloud's own). */
export async function adminPost(cloud: SdkTarget, params: Record<string, unknown>, key = cloud.adminKey): Promise<Response> {
  const url = `${cloud.url}/admin?env=local-dev`
  const timestamp = Math.floor(Date.now() / 1000) - 1
  const headers = { 'content-type': 'application/json', host: new URL(url).host }
  const Signer = signer()
  const { authorization } = new Signer({ secretId: 'test', secretKey: key }, 'tcb').tc3sign('post', url, headers, params, timestamp, {
    withSignedParams: true,
  })
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization, 'x-timestamp': String(timestamp) },
    body: JSON.stringify(params),
  })
}
