/** Small HTTP helpers shared by the admin API, the gateway, storage and static files. */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { isLoopbackHost } from './loopback'

export class BodyTooLarge extends Error {}

/** Read the whole request body, refusing more than `limit` bytes without buffering the excess. */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'])
    if (Number.isFinite(declared) && declared > limit) {
      req.resume()
      return reject(new BodyTooLarge())
    }
    const chunks: Buffer[] = []
    let size = 0
    let failed = false
    req.on('data', (c: Buffer) => {
      if (failed) return
      size += c.length
      if (size > limit) {
        failed = true
        req.resume()
        return reject(new BodyTooLarge())
      }
      chunks.push(c)
    })
    req.on('end', () => failed || resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body === undefined ? null : body)
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...headers,
  })
  res.end(text)
}

/** Whether the request comes from this machine (the admin API and uploads accept nothing else). */
export function fromLoopback(req: IncomingMessage): boolean {
  const address = req.socket.remoteAddress
  return !!address && isLoopbackHost(address)
}
