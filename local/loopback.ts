/** Which host names and addresses stay on this machine. Shared by the net guard and the server. */
import { isIPv4 } from 'node:net'

export function isLoopbackHost(host: string | undefined | null): boolean {
  if (host === undefined || host === null || host === '') return true // Node defaults to localhost
  let h = String(host).toLowerCase()
  if (h.startsWith('[') && h.endsWith(']')) h = h.slice(1, -1)
  if (h === 'localhost' || h.endsWith('.localhost')) return true
  if (h === '::1' || h === '0:0:0:0:0:0:0:1') return true
  if (h.startsWith('::ffff:')) h = h.slice(7) // IPv4-mapped IPv6
  if (isIPv4(h)) return h.split('.')[0] === '127'
  return false
}

/** Addresses that mean "every interface" when listening. */
export const isWildcardHost = (host: string): boolean => ['0.0.0.0', '::', '[::]', '0:0:0:0:0:0:0:0'].includes(host)
