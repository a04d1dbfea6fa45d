/**
 * Who may use the admin API: only a wx-server-sdk that holds this start's secret.
 *
 * The admin API writes the database, storage and runs functions with admin rights, and it listens
 * on the same loopback port as the h5 app. A web page open in any browser on this machine can POST
 * to that port: a `text/plain` or form POST is a CORS "simple request", sent without a preflight
 * (Fetch standard, CORS-safelisted request-header `content-type`), so the browser delivers it and
 * only hides the answer. Three checks, each enough on its own against such a page:
 *
 *  1. No `Origin`: browsers send it on every cross-origin POST (Fetch standard, "origin header");
 *     Node's http client, which the SDK uses, never does.
 *  2. The SDK's content types only: JSON, and multipart/form-data for `wx.openApi` alone.
 *  3. A valid request signature. @cloudbase/node-sdk signs every admin request with TC3-HMAC-SHA256
 *     over the method, URL, the headers it lists and every body parameter, keyed with
 *     TENCENTCLOUD_SECRETKEY (node-sdk utils/tcbapirequester.js getHeaders → @cloudbase/signature-nodejs
 *     sign). The local cloud makes a fresh random secret key per start and hands it only to the SDK
 *     of its own process (installSdkEnv) and to the functions it runs (their environment), so the
 *     secret never crosses the wire; we recompute the signature with the SDK's own signer and
 *     compare. A request signed more than 10 minutes ago is refused (the SDK's own
 *     X-Signature-Expires is 600 s).
 */
import { timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import { dirname } from 'node:path'

/** The SDK's signer, resolved from the SDK itself so both sides always run the same version. */
export interface SignerCtor {
  new (
    credential: { secretId: string; secretKey: string },
    service: string,
  ): {
    tc3sign(
      method: string,
      url: string,
      headers: Record<string, unknown>,
      params: unknown,
      timestamp: number,
      options: { withSignedParams: boolean },
    ): { signature: string | Buffer; authorization: string }
  }
}
let signerClass: SignerCtor | undefined
/** The TC3-HMAC-SHA256 signer of @cloudbase/node-sdk, from wx-server-sdk's own dependency tree (no import can name it). */
export function signer(): SignerCtor {
  if (!signerClass) {
    const wx = dirname(require.resolve('wx-server-sdk'))
    const nodeSdk = dirname(require.resolve('@cloudbase/node-sdk', { paths: [wx] }))
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    signerClass = (require(require.resolve('@cloudbase/signature-nodejs', { paths: [nodeSdk] })) as { Signer: SignerCtor }).Signer
  }
  return signerClass
}

export const SIGNATURE_MAX_AGE_S = 600

export class AdminRefused extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

const AUTH =
  /^TC3-HMAC-SHA256 Credential=([^/]+)\/(\d{4}-\d{2}-\d{2})\/tcb\/tc3_request,(?: SignedParams=[^,]*,)? SignedHeaders=([a-z0-9;_-]+), Signature=([0-9a-f]{64})$/

/** Checks 1 and 2, before the body is read. Throws AdminRefused. */
export function checkAdminRequest(req: IncomingMessage): 'json' | 'multipart' {
  if (req.headers.origin !== undefined || req.headers['sec-fetch-site'] !== undefined) {
    throw new AdminRefused(403, 'INVALID_REQUEST_SOURCE', 'the admin API does not serve browsers (a request with Origin was refused)')
  }
  const type = String(req.headers['content-type'] ?? '').toLowerCase()
  if (/^application\/json\s*(;|$)/.test(type)) return 'json'
  if (type.startsWith('multipart/form-data')) return 'multipart'
  throw new AdminRefused(415, 'INVALID_PARAM', 'the admin API accepts application/json (and multipart/form-data for wx.openApi) only')
}

/**
 * Check 3. `params` are the body parameters exactly as the SDK signed them: the JSON object, or
 * the multipart fields with text fields as strings and binary ones as Buffers.
 */
export function verifySignature(req: IncomingMessage, params: Record<string, unknown>, secretKey: string, nowMs = Date.now()): void {
  const m = AUTH.exec(String(req.headers.authorization ?? ''))
  if (!m) throw new AdminRefused(401, 'INVALID_REQUEST_SOURCE', 'the admin API needs a request signed by wx-server-sdk')
  const [, secretId, , signedHeaders, signature] = m
  const timestamp = Number(req.headers['x-timestamp'])
  if (!Number.isInteger(timestamp) || Math.abs(nowMs / 1000 - timestamp) > SIGNATURE_MAX_AGE_S) {
    throw new AdminRefused(401, 'INVALID_REQUEST_SOURCE', 'the request signature has expired')
  }
  const headers: Record<string, unknown> = {}
  for (const name of signedHeaders.split(';')) {
    const value = req.headers[name]
    if (value === undefined) throw new AdminRefused(401, 'INVALID_REQUEST_SOURCE', `signed header ${name} is missing`)
    headers[name] = Array.isArray(value) ? value.join(', ') : value
  }
  const url = `http://${String(req.headers.host ?? '')}${req.url ?? '/'}`
  let expected: string
  try {
    const Signer = signer()
    const r = new Signer({ secretId, secretKey }, 'tcb').tc3sign(
      String(req.method ?? 'POST').toLowerCase(),
      url,
      headers,
      params,
      timestamp,
      { withSignedParams: true },
    )
    expected = String(r.signature)
  } catch {
    throw new AdminRefused(401, 'INVALID_REQUEST_SOURCE', 'the request signature does not match')
  }
  const a = Buffer.from(expected, 'hex')
  const b = Buffer.from(signature, 'hex')
  if (a.length !== b.length || !timingSafeEqual(a, b))
    throw new AdminRefused(401, 'INVALID_REQUEST_SOURCE', 'the request signature does not match')
}
