/**
 * The wire format of the CloudBase database API: every query, update, order, projection and
 * document travels as an EJSON string in Mongo syntax (e.g. `{"booked":{"$lt":{"$numberInt":"10"}}}`),
 * produced by @cloudbase/database with `EJSON.stringify(x, { relaxed: false })`.
 *
 * We decode relaxed (numbers become JS numbers, `$date` becomes Date) and then fix the two things
 * mingo cannot run as-is: BSONRegExp (from `db.RegExp` / a JS RegExp in `where`) becomes a native
 * RegExp, and `{"$tcb_server_date":{"offset":N}}` (from `db.serverDate()`) becomes the server's
 * current time plus N ms, which is what the real cloud stores.
 */
import { BSONRegExp, EJSON } from 'bson'

export type Doc = Record<string, unknown> & { _id?: unknown }

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object') return false
  const proto = Object.getPrototypeOf(v)
  return proto === Object.prototype || proto === null
}

function resolveValue(v: unknown, now: number): unknown {
  if (v instanceof BSONRegExp) {
    // JS RegExp accepts only these flags; BSON's 'x' (extended) and 'l' (locale) have no equivalent.
    return new RegExp(v.pattern, v.options.replace(/[^gimsuy]/g, ''))
  }
  if (Array.isArray(v)) return v.map((x) => resolveValue(x, now))
  if (!isPlainObject(v)) return v
  if ('$tcb_server_date' in v && Object.keys(v).length === 1) {
    const spec = v.$tcb_server_date as { offset?: unknown } | null
    const offset = Number(spec && typeof spec === 'object' ? (spec.offset ?? 0) : 0)
    return new Date(now + (Number.isFinite(offset) ? offset : 0))
  }
  const out: Record<string, unknown> = {}
  for (const k of Object.keys(v)) out[k] = resolveValue(v[k], now)
  return out
}

/**
 * Decode one EJSON string (or an already-parsed value) into plain JS. Throws a SyntaxError on
 * malformed input; callers turn that into INVALID_PARAM.
 */
export function decode(input: unknown, now = Date.now()): unknown {
  if (input === undefined || input === null || input === '') return undefined
  const text = typeof input === 'string' ? input : JSON.stringify(input)
  return resolveValue(EJSON.parse(text, { relaxed: true }), now)
}

/** Decode a value that must be an object (query, update, document). */
export function decodeObject(input: unknown, what: string, now = Date.now()): Record<string, unknown> {
  const v = decode(input, now)
  if (v === undefined) return {}
  if (!isPlainObject(v)) throw new SyntaxError(`${what} must be an object`)
  return v
}

/** Canonical EJSON, the form the SDK parses back into Dates and numbers exactly. */
export function encode(value: unknown): string {
  return EJSON.stringify(value as Doc, { relaxed: false })
}

/**
 * Deep copy that keeps Date and RegExp instances and shares other class instances (BSON values are
 * immutable). structuredClone would turn BSON classes into plain objects.
 */
export function clone<T>(v: T): T {
  if (v === null || typeof v !== 'object') return v
  if (v instanceof Date) return new Date(v.getTime()) as T
  if (v instanceof RegExp) return new RegExp(v.source, v.flags) as T
  if (Array.isArray(v)) return v.map((x) => clone(x)) as T
  if (!isPlainObject(v)) return v
  const out: Record<string, unknown> = {}
  for (const k of Object.keys(v)) out[k] = clone((v as Record<string, unknown>)[k])
  return out as T
}

export { isPlainObject }
