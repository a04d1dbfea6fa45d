/**
 * Loopback-only network guard. Importing this module patches Node's socket and DNS entry points so
 * the process can talk to 127.0.0.0/8, ::1, `localhost` and unix sockets, and nothing else.
 *
 * Why: wx-server-sdk falls back to real Tencent endpoints when its environment is incomplete (it
 * probes metadata.tencentyun.com and then {env}.tcb-api.tencentcloudapi.com). Without a guard such a misconfiguration
 * either hangs a test or leaks a request with real data to the internet. With it, the request
 * fails at once with an error that names the guard, and `blocked` records what was attempted.
 *
 * Refusals are delivered the way Node reports connection errors (an async 'error' event / callback
 * error), not as synchronous throws, because http clients do not expect connect() to throw.
 * Installed once per process even when the module is loaded by several module registries: jest
 * loads setupFiles once per test file, each in its own sandbox with its own globalThis, so the
 * install marker lives on the `net` module object, which every sandbox shares with Node.
 */
import dgram from 'node:dgram'
import dns from 'node:dns'
import net from 'node:net'
import { isLoopbackHost } from './loopback'

const GUARD_KEY = Symbol.for('zhengwu.local.netguard')

interface GuardState {
  blocked: string[]
}

/** The error every refusal carries; code EACCES so retry helpers treat it as permanent. */
function guardError(target: string): NodeJS.ErrnoException {
  const err: NodeJS.ErrnoException = new Error(
    `netguard: blocked outbound connection to ${target} (only loopback is allowed in local runs)`,
  )
  err.code = 'EACCES'
  return err
}

/** Extract host/port/path from the many call shapes of Socket#connect. */
function connectTarget(args: unknown[]): { host?: string; port?: unknown; path?: string | null } {
  let first = args[0]
  // net.connect() passes an internal normalized [options, cb] array.
  if (Array.isArray(first)) first = first[0]
  if (first && typeof first === 'object') {
    const o = first as { host?: string; hostname?: string; port?: unknown; path?: string | null }
    return { host: o.host ?? o.hostname, port: o.port, path: o.path }
  }
  if (typeof first === 'string' && !/^\d+$/.test(first)) return { path: first }
  return { port: first, host: typeof args[1] === 'string' ? args[1] : undefined }
}

function install(): GuardState {
  const holder = net as unknown as Record<symbol, GuardState | undefined>
  const existing = holder[GUARD_KEY]
  if (existing) return existing
  const state: GuardState = { blocked: [] }
  holder[GUARD_KEY] = state

  // Socket#connect is the one door for net.connect, http(s) agents, tls.connect and fetch (undici).
  const originalConnect = net.Socket.prototype.connect
  net.Socket.prototype.connect = function guardedConnect(this: net.Socket, ...args: unknown[]) {
    const { host, port, path } = connectTarget(args)
    // Same test as Node's own Socket#connect: a truthy `path` is a unix socket / named pipe. http's
    // agent passes `path: null` for TCP, so `path === undefined` would wave every request through.
    if (!path && !isLoopbackHost(host)) {
      const target = `${host}:${port ?? ''}`
      state.blocked.push(target)
      const err = guardError(target)
      process.nextTick(() => this.destroy(err))
      return this
    }
    return (originalConnect as (...a: unknown[]) => net.Socket).apply(this, args)
  } as typeof net.Socket.prototype.connect

  // DNS: resolving an outside name is already a packet to the outside world.
  const refuseName = (hostname: unknown): NodeJS.ErrnoException | null => {
    const name = typeof hostname === 'string' ? hostname : String(hostname)
    if (isLoopbackHost(name)) return null
    state.blocked.push(name)
    return guardError(name)
  }
  const cbApis = [
    'lookup',
    'lookupService',
    'resolve',
    'resolve4',
    'resolve6',
    'resolveAny',
    'resolveCname',
    'resolveMx',
    'resolveNs',
    'resolveTxt',
    'resolveSrv',
    'resolvePtr',
    'resolveNaptr',
    'resolveSoa',
    'reverse',
  ] as const
  const dnsCb = dns as unknown as Record<string, (...a: unknown[]) => unknown>
  for (const name of cbApis) {
    const original = dnsCb[name]
    if (typeof original !== 'function') continue
    dnsCb[name] = function guardedDns(this: unknown, ...args: unknown[]) {
      const err = refuseName(args[0])
      if (err) {
        const cb = args[args.length - 1]
        if (typeof cb === 'function') process.nextTick(() => (cb as (e: Error) => void)(err))
        return undefined
      }
      return original.apply(this, args)
    }
  }
  const dnsPromises = dns.promises as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>
  for (const name of cbApis) {
    const original = dnsPromises[name]
    if (typeof original !== 'function') continue
    dnsPromises[name] = function guardedDnsPromise(this: unknown, ...args: unknown[]) {
      const err = refuseName(args[0])
      return err ? Promise.reject(err) : original.apply(this, args)
    }
  }

  // UDP: dgram sockets bypass net.Socket.
  const originalSend = dgram.Socket.prototype.send
  dgram.Socket.prototype.send = function guardedSend(this: dgram.Socket, ...args: unknown[]) {
    // send(msg, [offset, length,] port, address, cb): the address is the first string after the port.
    const address = args.slice(1).find((a) => typeof a === 'string') as string | undefined
    if (!isLoopbackHost(address)) {
      const err = guardError(`udp ${address}`)
      state.blocked.push(`udp ${address}`)
      const cb = args[args.length - 1]
      if (typeof cb === 'function') process.nextTick(() => (cb as (e: Error) => void)(err))
      else process.nextTick(() => this.emit('error', err))
      return
    }
    return (originalSend as (...a: unknown[]) => void).apply(this, args)
  } as typeof dgram.Socket.prototype.send
  const originalUdpConnect = dgram.Socket.prototype.connect
  dgram.Socket.prototype.connect = function guardedUdpConnect(this: dgram.Socket, ...args: unknown[]) {
    const address = typeof args[1] === 'string' ? args[1] : undefined
    if (!isLoopbackHost(address)) {
      state.blocked.push(`udp ${address}`)
      const err = guardError(`udp ${address}`)
      process.nextTick(() => this.emit('error', err))
      return
    }
    return (originalUdpConnect as (...a: unknown[]) => void).apply(this, args)
  } as typeof dgram.Socket.prototype.connect

  return state
}

const state = install()

/** Every outbound target the guard refused in this process, oldest first (shared by all test files of a jest worker). */
export const blocked: string[] = state.blocked
export { isLoopbackHost }
