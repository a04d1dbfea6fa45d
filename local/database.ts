/**
 * The `database.*` actions of the admin API, executed with mingo against the Store.
 *
 * Request and reply shapes are the ones wx-server-sdk 4.0.2 / @cloudbase/database 1.4.3 send and
 * parse. Each mutation runs
 * match → compute new documents → checks → apply → op log in one synchronous call, so concurrent
 * conditional updates (`where({ booked: _.lt(10) }).update({ booked: _.inc(1) })`) can never both
 * see the old value.
 */
import { randomBytes } from 'node:crypto'
import { aggregate as mingoAggregate, ProcessingMode, Query } from 'mingo'
import { update as applyUpdate } from 'mingo/updater'
import type { Options } from 'mingo/types'
import { clone, decode, decodeObject, encode, isPlainObject, type Doc } from './ejson'
import { BlockedByTransaction, CloudError } from './errors'
import { fieldsOf } from './indexes'
import { docKey, type Change, type Store } from './store'
import type { Transactions, Tx } from './transactions'

/** The cloud's page limit for one get (the SDK clamps to it too). */
export const MAX_LIMIT = 1000
const DEFAULT_LIMIT = 100

/** Parameters as they arrive in the admin request body. */
export interface DbParams {
  collectionName?: string
  query?: string
  data?: string | string[]
  order?: string
  projection?: string
  offset?: unknown
  limit?: unknown
  multi?: boolean
  merge?: boolean
  upsert?: boolean
  transactionId?: string
  stages?: Array<{ stageKey: string; stageValue: string }>
}

// `$where`/`$function` would run code from the request; the admin API never needs them.
const MINGO: Partial<Options> = { scriptEnabled: false }

const newId = () => randomBytes(16).toString('hex')

function invalid(message: string): CloudError {
  return new CloudError('INVALID_PARAM', message)
}

/** mingo reports unsupported or malformed operators by throwing; the cloud calls that an invalid command. */
function operatorError(e: unknown): CloudError {
  return e instanceof CloudError ? e : new CloudError('DATABASE_INVALID_OPERRATOR', (e as Error).message)
}

function parse<T>(what: string, fn: () => T): T {
  try {
    return fn()
  } catch (e) {
    throw invalid(`${what}: ${(e as Error).message}`)
  }
}

/**
 * Compiled queries by their wire text. Building a mingo Query copies mingo's whole operator table,
 * which under a burst of requests (1,000 concurrent bookings) cost more than matching; the same
 * query text recurs constantly (polling, retries, "my bookings"). Texts holding a server date are
 * not cached: `db.serverDate()` must mean the time of each request.
 */
const compiled = new Map<string, Query>()
const COMPILED_MAX = 500

function compile(query: Record<string, unknown>, text?: unknown): Query {
  const key = typeof text === 'string' && !text.includes('$tcb_server_date') && !text.includes('$$NOW') ? text : undefined
  const hit = key === undefined ? undefined : compiled.get(key)
  if (hit) return hit
  let q: Query
  try {
    q = new Query(query, MINGO)
  } catch (e) {
    throw operatorError(e)
  }
  if (key !== undefined) {
    if (compiled.size >= COMPILED_MAX) compiled.delete(compiled.keys().next().value as string)
    compiled.set(key, q)
  }
  return q
}

/** One match-everything query reused for projection/sort/skip/limit of already-matched documents. */
let matchAll: Query | undefined

/** Whether an update uses the positional `$` operator, the only case mingo needs the query for. */
const positional = (modifier: Record<string, unknown>) =>
  Object.values(modifier).some((fields) => isPlainObject(fields) && Object.keys(fields).some((f) => /(^|\.)\$(\.|$|\[)/.test(f)))

function collectionOf(p: DbParams): string {
  const name = p.collectionName
  if (typeof name !== 'string' || !/^[A-Za-z0-9_-]{1,128}$/.test(name)) throw invalid('collectionName 不合法')
  return name
}

function intParam(v: unknown, what: string, min: number, max: number, fallback: number): number {
  if (v === undefined || v === null || v === '') return fallback
  const n = Number(v)
  if (!Number.isInteger(n) || n < min || n > max) throw invalid(`${what} 必须是 ${min} 到 ${max} 之间的整数`)
  return n
}

const hasOperators = (o: Record<string, unknown>) => Object.keys(o).some((k) => k.startsWith('$'))

/** Documents a query can match, reading `get(key)` directly when it pins a single _id. */
function candidates(query: Record<string, unknown>, all: () => Doc[], one: (key: string) => Doc | undefined): Doc[] {
  const id = query._id
  if (typeof id === 'string' || typeof id === 'number') {
    const d = one(docKey(id))
    return d ? [d] : []
  }
  return all()
}

/** Fields an upsert inserts from the query's equality conditions (MongoDB does the same). */
function equalityFields(query: Record<string, unknown>, into: Doc = {}): Doc {
  for (const [k, v] of Object.entries(query)) {
    if (k === '$and' && Array.isArray(v)) {
      for (const part of v) if (isPlainObject(part)) equalityFields(part, into)
      continue
    }
    if (k.startsWith('$')) continue
    let value: unknown = v
    if (isPlainObject(v) && hasOperators(v)) {
      if (!('$eq' in v)) continue
      value = v.$eq
    }
    if (value instanceof RegExp) continue
    setPath(into, k, clone(value))
  }
  return into
}

function setPath(doc: Doc, path: string, value: unknown): void {
  const parts = path.split('.')
  let cur: Record<string, unknown> = doc
  for (const part of parts.slice(0, -1)) {
    if (!isPlainObject(cur[part])) cur[part] = {}
    cur = cur[part] as Record<string, unknown>
  }
  cur[parts[parts.length - 1]] = value
}

export interface DatabaseOptions {
  /**
   * Answer DATABASE_COLLECTION_NOT_EXIST (-502005) for collections that were never declared,
   * created or written, as the real cloud does for collections missing from the console. Off by
   * default: local runs have no console step, so every collection springs into being when used.
   */
  strictCollections?: boolean
  /**
   * Called for a query that none of the collection's declared indexes (nor `_id`) serves: in
   * production it would read the whole collection. Gets the condition's field names, never values.
   */
  onUnindexed?: (collection: string, fields: string[]) => void
}

export class Database {
  constructor(
    private readonly store: Store,
    private readonly tx: Transactions,
    private readonly options: DatabaseOptions = {},
  ) {}

  /**
   * Insert plain documents (Dates allowed) outside the admin API: seeding and the openapi capture.
   * Goes through the same unique checks and op log as an insert from a function.
   */
  insertDocs(collection: string, docs: Record<string, unknown>[]): unknown[] {
    const changes: Change[] = docs.map((raw) => {
      const d = clone(raw) as Doc
      if (d._id === undefined || d._id === null) d._id = newId()
      return { key: docKey(d._id), before: null, after: d }
    })
    this.store.create(collection)
    this.commitChanges(collection, changes, null)
    return changes.map((ch) => ch.after!._id)
  }

  /** Committed documents of a collection, in insertion order (copies). */
  readAll(collection: string): Doc[] {
    return this.store.committedDocs(collection).map((d) => clone(d))
  }

  /**
   * Run one action. A write that would touch a document held by an open transaction waits for it
   * and runs again from scratch (fresh match), so it never acts on a stale read. No answer leaves
   * before the state it reports is on disk (Store.durable, a group commit): not a write's
   * acknowledgement, nor a read of another caller's write that a power cut could still undo.
   */
  async handle(action: string, p: DbParams, token: string): Promise<Record<string, unknown>> {
    for (;;) {
      try {
        const answer = await this.dispatch(action, p, token)
        await this.store.durable()
        return answer
      } catch (e) {
        if (e instanceof BlockedByTransaction) {
          await e.until
          continue
        }
        throw e
      }
    }
  }

  private async dispatch(action: string, p: DbParams, token: string): Promise<Record<string, unknown>> {
    switch (action) {
      case 'database.getDocument':
        return { data: { list: this.get(p) } }
      case 'database.calculateDocument':
        return { data: { total: this.count(p) } }
      case 'database.insertDocument':
        return { data: { insertedIds: this.insert(p) } }
      case 'database.modifyDocument': {
        const r = this.modify(p, token, false)
        return { data: { updated: r.updated, upsert_id: r.upsertId } }
      }
      case 'database.modifyAndReturnDoc': {
        const r = this.modify({ ...p, multi: false }, token, true)
        return { data: { updated: r.updated, doc: r.doc === undefined ? undefined : encode(r.doc) } }
      }
      case 'database.removeDocument':
        return { data: { deleted: this.remove(p, token) } }
      case 'database.aggregateDocuments':
        return { data: { list: this.aggregate(p) } }
      case 'database.startTransaction':
        return { transactionId: await this.tx.start(token) }
      case 'database.commitTransaction':
        this.tx.commit(String(p.transactionId ?? ''))
        return {}
      case 'database.abortTransaction':
        this.tx.abort(String(p.transactionId ?? ''))
        return {}
      case 'database.addCollection': {
        const name = collectionOf(p)
        if (!this.store.create(name))
          throw new CloudError('DATABASE_COLLECTION_ALREADY_EXIST', `集合 ${name} 已存在 (collection already exists)`)
        return {}
      }
      default:
        throw new CloudError('SYS_ERR', `本地云不支持该操作: ${action}`)
    }
  }

  /** The collection named by the request, which must exist when collections are strict. */
  private existing(p: DbParams): string {
    const name = collectionOf(p)
    if (this.options.strictCollections && !this.store.exists(name)) {
      throw new CloudError('DATABASE_COLLECTION_NOT_EXIST', `集合 ${name} 不存在 (Db or Table not exist: ${name})`)
    }
    return name
  }

  private txOf(p: DbParams): Tx | null {
    return p.transactionId ? this.tx.get(String(p.transactionId)) : null
  }

  /**
   * Documents the query may match, as visible to the caller (a transaction sees its own writes,
   * everybody else committed state): by `_id`, else through a declared index, else all of them.
   * A query that no declared index serves is reported once (DatabaseOptions.onUnindexed).
   */
  private visible(collection: string, query: Record<string, unknown>, t: Tx | null): Doc[] {
    const id = query._id
    if (typeof id !== 'string' && typeof id !== 'number') {
      const found = this.store.find(collection, query, !t)
      if (!found.served && Object.keys(query).length) this.options.onUnindexed?.(collection, fieldsOf(query))
      if (found.docs) return found.docs
    }
    return t
      ? candidates(
          query,
          () => this.store.liveDocs(collection),
          (k) => this.store.live(collection, k),
        )
      : candidates(
          query,
          () => this.store.committedDocs(collection),
          (k) => this.store.committed(collection, k),
        )
  }

  private get(p: DbParams): string[] {
    const collection = this.existing(p)
    const t = this.txOf(p)
    const query = parse('query', () => decodeObject(p.query, 'query'))
    const order = parse('order', () => decodeObject(p.order, 'order'))
    const projection = parse('projection', () => decodeObject(p.projection, 'projection'))
    const offset = intParam(p.offset, 'offset', 0, Number.MAX_SAFE_INTEGER, 0)
    const limit = intParam(p.limit, 'limit', 0, MAX_LIMIT, DEFAULT_LIMIT) || DEFAULT_LIMIT
    const q = compile(query, p.query)
    const matched = this.visible(collection, query, t).filter((d) => q.test(d))
    if (t) for (const d of matched) this.tx.noteRead(t, collection, docKey(d._id), d)
    if (t && matched.length === 0 && (typeof query._id === 'string' || typeof query._id === 'number')) {
      this.tx.noteRead(t, collection, docKey(query._id), undefined)
    }
    try {
      matchAll ??= new Query({}, MINGO)
      let cursor = matchAll.find(matched, Object.keys(projection).length ? projection : undefined)
      if (Object.keys(order).length) cursor = cursor.sort(order)
      return cursor
        .skip(offset)
        .limit(limit)
        .all()
        .map((d) => encode(d))
    } catch (e) {
      throw operatorError(e)
    }
  }

  private count(p: DbParams): number {
    const collection = this.existing(p)
    const query = parse('query', () => decodeObject(p.query, 'query'))
    const q = compile(query, p.query)
    return this.visible(collection, query, this.txOf(p)).filter((d) => q.test(d)).length
  }

  private insert(p: DbParams): unknown[] {
    const collection = this.existing(p)
    const t = this.txOf(p)
    const raw = Array.isArray(p.data) ? p.data : p.data === undefined ? [] : [p.data]
    if (!raw.length) throw invalid('data 不能为空')
    const now = Date.now()
    const docs = raw.map((s) => parse('data', () => decodeObject(s, 'document', now)))
    const changes: Change[] = docs.map((d) => {
      if (d._id === undefined || d._id === null) d._id = newId()
      return { key: docKey(d._id), before: null, after: d }
    })
    if (!t) for (const ch of changes) this.waitIfHeld(collection, ch.key)
    this.commitChanges(collection, changes, t)
    return docs.map((d) => d._id)
  }

  private modify(p: DbParams, token: string, returnDoc: boolean): { updated: number; upsertId?: unknown; doc?: Doc } {
    const collection = this.existing(p)
    const t = this.txOf(p)
    const now = Date.now()
    const query = parse('query', () => decodeObject(p.query, 'query', now))
    const data = parse('data', () => decodeObject(p.data, 'data', now))
    const merge = p.merge !== false
    const q = compile(query, p.query)
    if (!t) this.tx.guardOutsideWrite(collection, token, (d) => q.test(d))

    let targets = this.visible(collection, query, t).filter((d) => q.test(d))
    if (!p.multi) targets = targets.slice(0, 1)
    if (t) for (const d of targets) this.tx.noteRead(t, collection, docKey(d._id), d)

    const changes: Change[] = []
    let lastDoc: Doc | undefined
    for (const before of targets) {
      const after = merge ? this.updated(before, data, query) : { ...clone(data), _id: before._id }
      lastDoc = after ?? before
      if (after && (merge || encode(after) !== encode(before))) changes.push({ key: docKey(before._id), before, after })
    }

    let upsertId: unknown
    if (!targets.length && p.upsert) {
      const seed = equalityFields(query)
      let doc: Doc
      if (merge) {
        const { $setOnInsert, ...ops } = data as Doc & { $setOnInsert?: Record<string, unknown> }
        doc = this.updated(seed, hasOperators(ops) ? ops : { $set: ops }, {}) ?? seed
        if (isPlainObject($setOnInsert)) doc = this.updated(doc, { $set: $setOnInsert }, {}) ?? doc
      } else {
        doc = { ...clone(data), _id: seed._id }
      }
      if (doc._id === undefined || doc._id === null) doc._id = newId()
      upsertId = doc._id
      if (!t) this.waitIfHeld(collection, docKey(doc._id))
      changes.push({ key: docKey(doc._id), before: null, after: doc })
      lastDoc = doc
    }

    this.commitChanges(collection, changes, t)
    return { updated: upsertId === undefined ? changes.length : 0, upsertId, doc: returnDoc ? lastDoc : undefined }
  }

  /** The document after applying update operators, or null when nothing changed. */
  private updated(before: Doc, data: Record<string, unknown>, query: Record<string, unknown>): Doc | null {
    const { $setOnInsert: _ignored, ...ops } = data
    const modifier = hasOperators(ops) ? ops : { $set: ops }
    const doc = clone(before)
    let fields: string[]
    try {
      // The query is passed on so the positional `field.$` operator knows which element matched.
      fields = applyUpdate(doc, modifier, undefined, positional(modifier) ? query : undefined, { queryOptions: MINGO })
    } catch (e) {
      throw operatorError(e)
    }
    return fields.length ? doc : null
  }

  private remove(p: DbParams, token: string): number {
    const collection = this.existing(p)
    const t = this.txOf(p)
    const query = parse('query', () => decodeObject(p.query, 'query'))
    const q = compile(query, p.query)
    if (!t) this.tx.guardOutsideWrite(collection, token, (d) => q.test(d))
    let targets = this.visible(collection, query, t).filter((d) => q.test(d))
    if (p.multi === false) targets = targets.slice(0, 1)
    const changes = targets.map((before) => ({ key: docKey(before._id), before, after: null }))
    this.commitChanges(collection, changes, t)
    return changes.length
  }

  private aggregate(p: DbParams): string[] {
    const collection = this.existing(p)
    const stages = Array.isArray(p.stages) ? p.stages : []
    const pipeline = stages.map((s) => {
      if (!s || typeof s.stageKey !== 'string' || !s.stageKey.startsWith('$')) throw invalid('stages 不合法')
      if (s.stageKey === '$out' || s.stageKey === '$merge')
        throw new CloudError('DATABASE_INVALID_OPERRATOR', `${s.stageKey} is not supported`)
      return { [s.stageKey]: parse(s.stageKey, () => decode(s.stageValue)) }
    })
    try {
      // Inputs are cloned so no stage can modify stored documents through a shared reference.
      return mingoAggregate(this.store.committedDocs(collection), pipeline, {
        ...MINGO,
        processingMode: ProcessingMode.CLONE_INPUT,
        collectionResolver: (name: string) => clone(this.store.committedDocs(name)),
      }).map((d) => encode(d))
    } catch (e) {
      throw operatorError(e)
    }
  }

  /** An insert/upsert outside a transaction of a key the open transaction holds waits for it. */
  private waitIfHeld(collection: string, key: string): void {
    const until = this.tx.holds(collection, key)
    if (until) throw new BlockedByTransaction(until)
  }

  /** Unique checks, transaction bookkeeping, apply and log: the synchronous end of every write. */
  private commitChanges(collection: string, changes: Change[], t: Tx | null): void {
    if (!changes.length) return
    const dup = this.store.uniqueConflict(collection, changes)
    if (dup) {
      const held = !t && this.tx.holds(collection, dup.owner)
      if (held) throw new BlockedByTransaction(held)
      throw this.store.duplicateError(collection, dup)
    }
    if (t) this.tx.recordWrite(t, collection, changes)
    this.store.apply(collection, changes, !t)
  }
}
