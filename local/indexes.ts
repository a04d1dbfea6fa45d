/**
 * Secondary indexes of the local store: the indexes the deployment declares
 * (cloudfunctions/_kit/collections.ts INDEXES), so a query is answered the way production answers
 * it, from an index, and a query no declared index serves is pointed out (production would scan
 * the collection for it).
 *
 * Each index keeps a hash map from the value of its first field to the documents holding it. That
 * serves what the functions ask: equality or `$in` on the leading field (a case by number, an
 * account's bookings, a status). The other fields, ranges and sorts are then evaluated by mingo on
 * the candidates, so results never depend on the index: it only narrows which documents mingo
 * tests, and is always a superset of the matches. Values follow MongoDB's multikey rule: an array
 * is indexed under each element (and as a whole, for exact-array equality), a path through an
 * array of objects under every value it reaches, a missing field under null.
 *
 * Whether a query "is served" (for the warning) follows MongoDB's prefix rule: some declared index's
 * first field, or `_id`, carries an equality, `$in`, a range or an anchored regular expression.
 * `$ne`, `$nin`, `$not` and `$exists` are not counted: MongoDB's "Query Selectivity" guidance calls
 * them non-selective, they read most of an index.
 */
import { encode, type Doc } from './ejson'

// Realm-independent type checks: stored documents may come from another realm (structuredClone
// under jest makes the main realm's objects), where an instanceof test and a prototype compared
// with this realm's Object.prototype are both false.
const tag = (v: unknown) => Object.prototype.toString.call(v)
const isDate = (v: unknown): v is Date => tag(v) === '[object Date]'
const isRegExp = (v: unknown): v is RegExp => tag(v) === '[object RegExp]'
function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object' || tag(v) !== '[object Object]') return false
  const proto = Object.getPrototypeOf(v)
  return proto === null || Object.getPrototypeOf(proto) === null
}

export interface IndexSpec {
  name: string
  keys: Record<string, 1 | -1>
  unique?: boolean
}

/** The bucket key of one value: equal values (in MongoDB's sense, for the types we store) share it. */
export function valueKey(v: unknown): string {
  if (v === undefined || v === null) return 'null'
  switch (typeof v) {
    case 'string':
      return `s${v}`
    case 'number':
      return `n${v === 0 ? 0 : v}` // -0 equals 0
    case 'boolean':
      return v ? 'b1' : 'b0'
    case 'bigint':
      return `n${v}`
  }
  if (isDate(v)) return `d${v.getTime()}`
  return `o${encode({ v })}`
}

/** Every bucket a document belongs to for `path` (multikey, missing as null). */
export function keysAt(doc: Doc, path: string): Set<string> {
  const out = new Set<string>()
  let nodes: unknown[] = [doc]
  let missing = false
  for (const part of path.split('.')) {
    const next: unknown[] = []
    for (const node of nodes) {
      if (Array.isArray(node)) {
        let found = false
        if (/^\d+$/.test(part) && Number(part) < node.length) {
          next.push(node[Number(part)])
          found = true
        }
        for (const el of node) {
          if (isPlainObject(el) && part in el) {
            next.push(el[part])
            found = true
          }
        }
        if (!found) missing = true
      } else if (isPlainObject(node) && part in node) {
        next.push(node[part])
      } else {
        missing = true
      }
    }
    nodes = next
  }
  for (const v of nodes) {
    out.add(valueKey(v))
    if (Array.isArray(v)) for (const el of v) out.add(valueKey(el))
  }
  if (missing || nodes.length === 0) out.add('null')
  return out
}

export class SecondaryIndex {
  readonly lead: string
  private readonly buckets = new Map<string, Set<string>>()

  constructor(readonly spec: IndexSpec) {
    this.lead = Object.keys(spec.keys)[0]
  }

  add(key: string, doc: Doc): void {
    for (const k of keysAt(doc, this.lead)) {
      let b = this.buckets.get(k)
      if (!b) this.buckets.set(k, (b = new Set()))
      b.add(key)
    }
  }

  remove(key: string, doc: Doc): void {
    for (const k of keysAt(doc, this.lead)) {
      const b = this.buckets.get(k)
      if (!b) continue
      b.delete(key)
      if (!b.size) this.buckets.delete(k)
    }
  }

  /** Document keys whose leading field may equal one of `values` (read only: may be the bucket itself). */
  lookup(values: unknown[]): ReadonlySet<string> {
    if (values.length === 1) return this.buckets.get(valueKey(values[0])) ?? new Set()
    const out = new Set<string>()
    for (const v of values) for (const key of this.buckets.get(valueKey(v)) ?? []) out.add(key)
    return out
  }
}

const RANGE_OPS = ['$gt', '$gte', '$lt', '$lte']
const hasOps = (v: Record<string, unknown>) => Object.keys(v).some((k) => k.startsWith('$'))

/** The values an equality-like condition pins a field to, or null when it pins none. */
function equalityValues(cond: unknown): unknown[] | null {
  if (isRegExp(cond)) return null
  if (!isPlainObject(cond) || !hasOps(cond)) return [cond]
  if ('$eq' in cond) return isRegExp(cond.$eq) ? null : [cond.$eq]
  if (Array.isArray(cond.$in) && !cond.$in.some(isRegExp)) return cond.$in
  if (Array.isArray(cond.$all) && cond.$all.length && !isPlainObject(cond.$all[0])) return [cond.$all[0]]
  return null
}

/** Whether MongoDB could use an index whose first field carries this condition. */
function indexable(cond: unknown): boolean {
  if (isRegExp(cond)) return cond.source.startsWith('^')
  if (!isPlainObject(cond) || !hasOps(cond)) return true
  return Object.keys(cond).some(
    (op) =>
      op === '$eq' ||
      op === '$in' ||
      op === '$all' ||
      op === '$elemMatch' ||
      RANGE_OPS.includes(op) ||
      (op === '$regex' && String(cond.$regex).startsWith('^')),
  )
}

export type Plan =
  /** Candidates from indexes (natural order not yet applied). */
  | { served: true; keys: ReadonlySet<string> }
  /** Served by an index in production, but not narrowable here (a range): scan. */
  | { served: true; keys: null }
  | { served: false; keys: null }

/** How a query is answered from `indexes` (plus `_id`, which the caller handles when it is a plain value). */
export function plan(query: Record<string, unknown>, indexes: SecondaryIndex[]): Plan {
  let best: ReadonlySet<string> | null = null
  let served = false
  const consider = (keys: ReadonlySet<string>) => {
    if (!best || keys.size < best.size) best = keys
  }
  for (const [field, cond] of Object.entries(query)) {
    if (field === '$and' && Array.isArray(cond)) {
      for (const part of cond) {
        if (!isPlainObject(part)) continue
        const p = plan(part, indexes)
        if (p.served) served = true
        if (p.keys) consider(p.keys)
      }
      continue
    }
    if (field === '$or' && Array.isArray(cond) && cond.length) {
      const parts = cond.map((part) => (isPlainObject(part) ? plan(part, indexes) : ({ served: false, keys: null } as Plan)))
      if (parts.every((p) => p.served)) {
        served = true
        if (parts.every((p) => p.keys)) {
          const union = new Set<string>()
          for (const p of parts) for (const k of p.keys!) union.add(k)
          consider(union)
        }
      }
      continue
    }
    if (field.startsWith('$')) continue
    if (field === '_id' && indexable(cond)) served = true
    for (const idx of indexes) {
      if (idx.lead !== field || !indexable(cond)) continue
      served = true
      const values = equalityValues(cond)
      if (values) consider(idx.lookup(values))
    }
  }
  const keys = best as ReadonlySet<string> | null
  return keys ? { served: true, keys } : served ? { served: true, keys: null } : { served: false, keys: null }
}

/** The query's condition fields, for a warning that names them (values never: they may be ID numbers). */
export function fieldsOf(query: Record<string, unknown>): string[] {
  const out = new Set<string>()
  for (const [k, v] of Object.entries(query)) {
    if ((k === '$and' || k === '$or' || k === '$nor') && Array.isArray(v)) {
      for (const part of v) if (isPlainObject(part)) for (const f of fieldsOf(part)) out.add(f)
    } else if (!k.startsWith('$')) out.add(k)
  }
  return [...out].sort()
}
