/**
 * The in-memory document store behind the local database: one Map per collection (insertion order
 * doubles as MongoDB's natural order), unique indexes as Maps from index key to document, and the
 * op log for durability. Every method here is synchronous; callers combine match + check + apply +
 * log in one tick, which is what makes each mutation atomic in single-threaded Node.
 *
 * A collection exists once it is declared (LocalCloudOptions.collections / indexes), created
 * (db.createCollection), seeded or written. Whether reading a collection that does not exist is an
 * error is the database's decision (see Database: strict only when the deployment's collections are
 * declared), because the real cloud creates collections in the console, a step local runs skip.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { FILE_MODE, privateDir, tightenDataDir } from './datadir'
import { encode, type Doc } from './ejson'
import { CloudError } from './errors'
import { plan, SecondaryIndex, type IndexSpec } from './indexes'
import { OpLog, type LogEntry } from './oplog'

export type { IndexSpec }

/** One document's transition inside a mutation; `null` means absent. */
export interface Change {
  key: string
  before: Doc | null
  after: Doc | null
}

/** The op-log line for a change: the new state, or a removal named by the old _id. */
export function logEntry(collection: string, ch: Change): LogEntry {
  return ch.after ? { c: collection, op: 'put', doc: ch.after } : { c: collection, op: 'del', id: ch.before?._id }
}

/** Map key of a document: its _id as is when a string (the common case), else its EJSON. */
export const docKey = (id: unknown): string => (typeof id === 'string' ? id : `\u0000${encode({ id })}`)

function getPath(doc: Doc, path: string): unknown {
  let cur: unknown = doc
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined
    cur = (cur as Record<string, unknown>)[part]
  }
  return cur
}

class UniqueIndex {
  /** index key → document key */
  readonly owners = new Map<string, string>()
  private readonly fields: string[]

  constructor(readonly spec: IndexSpec) {
    this.fields = Object.keys(spec.keys)
  }

  /**
   * MongoDB semantics: a missing field indexes as null, so two documents without the field
   * collide (the CloudBase index guide states the same restriction). Arrays index as whole values
   * here, not per element (MongoDB's multikey indexes); our unique indexes are on scalar fields.
   */
  keyOf(doc: Doc): string {
    return encode({ k: this.fields.map((f) => getPath(doc, f) ?? null) })
  }
}

class Collection {
  readonly docs = new Map<string, Doc>()
  readonly unique: UniqueIndex[] = []
  /** Every declared index (unique ones too), to find candidates (indexes.ts). */
  readonly secondary: SecondaryIndex[] = []
  /** Natural order: when each live document was inserted (MongoDB's natural order is insertion order). */
  readonly seq = new Map<string, number>()
  nextSeq = 0
  exists = false
}

/** Before-images an open transaction hides from everybody else (see transactions.ts). */
export type HiddenWrites = (collection: string) => ReadonlyMap<string, Doc | null> | undefined

export class Store {
  private readonly collections = new Map<string, Collection>()
  private hidden: HiddenWrites = () => undefined
  private log: OpLog | null = null
  private releaseLock: (() => void) | null = null

  constructor(private readonly indexSpecs: Record<string, IndexSpec[]> = {}) {}

  /**
   * Open the store in `dataDir`: replay the op log, build the unique indexes, compact the log.
   * `warn` receives problems that do not stop the start (a torn last line, data that violates a
   * unique index declared after it was written).
   */
  static open(
    dataDir: string,
    indexSpecs: Record<string, IndexSpec[]>,
    warn: (line: string) => void,
    opts: { fsync?: boolean } = {},
  ): Store {
    privateDir(dataDir)
    const release = lockDataDir(dataDir)
    // A folder an older version made is world-readable (0755, files 0644): tighten it first.
    tightenDataDir(dataDir)
    const file = join(dataDir, 'db.log')
    const store = new Store(indexSpecs)
    store.releaseLock = release
    const report = OpLog.replay(file, (e) => {
      const coll = store.collection(e.c)
      coll.exists = true
      if (e.op === 'put') coll.docs.set(docKey(e.doc._id), e.doc)
      else if (e.op === 'del') coll.docs.delete(docKey(e.id))
    })
    if (report.tornTail) warn('数据日志最后一行不完整（上次进程中途退出），已忽略该行')
    for (const coll of store.collections.values()) {
      for (const [key, doc] of coll.docs) {
        coll.seq.set(key, coll.nextSeq++)
        for (const idx of coll.secondary) idx.add(key, doc)
      }
    }
    for (const [name, coll] of store.collections) {
      for (const idx of coll.unique) {
        for (const [key, doc] of coll.docs) {
          const k = idx.keyOf(doc)
          if (idx.owners.has(k)) warn(`集合 ${name} 的唯一索引 ${idx.spec.name} 有重复数据（文档 ${key}）`)
          else idx.owners.set(k, key)
        }
      }
    }
    store.log = new OpLog(file, opts.fsync ?? true)
    store.log.compact(store.snapshot())
    return store
  }

  setHiddenWrites(fn: HiddenWrites): void {
    this.hidden = fn
  }

  collection(name: string): Collection {
    let c = this.collections.get(name)
    if (!c) {
      c = new Collection()
      for (const spec of this.indexSpecs[name] ?? []) {
        if (spec.unique) c.unique.push(new UniqueIndex(spec))
        c.secondary.push(new SecondaryIndex(spec))
      }
      this.collections.set(name, c)
    }
    return c
  }

  exists(name: string): boolean {
    return this.collections.get(name)?.exists ?? false
  }

  /** Mark a collection as existing; answers false when it already did. */
  create(name: string): boolean {
    const coll = this.collection(name)
    if (coll.exists) return false
    coll.exists = true
    this.append([{ c: name, op: 'mk' }])
    return true
  }

  isEmpty(): boolean {
    for (const c of this.collections.values()) if (c.docs.size) return false
    return true
  }

  /** Live state, including writes of an open transaction (what that transaction itself sees). */
  live(collection: string, key: string): Doc | undefined {
    return this.collection(collection).docs.get(key)
  }

  liveDocs(collection: string): Doc[] {
    return [...this.collection(collection).docs.values()]
  }

  /** Committed state: an open transaction's writes are replaced by their before-images. */
  committed(collection: string, key: string): Doc | undefined {
    const hidden = this.hidden(collection)
    if (hidden && hidden.has(key)) return hidden.get(key) ?? undefined
    return this.live(collection, key)
  }

  committedDocs(collection: string): Doc[] {
    const hidden = this.hidden(collection)
    const docs = this.collection(collection).docs
    if (!hidden || hidden.size === 0) return [...docs.values()]
    const out: Doc[] = []
    for (const [key, doc] of docs) {
      if (!hidden.has(key)) out.push(doc)
      else if (hidden.get(key)) out.push(hidden.get(key)!)
    }
    // Documents the transaction removed are still committed.
    for (const [key, before] of hidden) if (before && !docs.has(key)) out.push(before)
    return out
  }

  /**
   * The documents a query can match, found through the collection's declared indexes, in natural
   * order: `docs` null means no index narrows it (scan); `served` says whether production would
   * answer it from an index (the warning in Database). `committed` picks the view: everybody's
   * (an open transaction's writes replaced by their before-images) or the transaction's own.
   */
  find(collection: string, query: Record<string, unknown>, committed: boolean): { docs: Doc[] | null; served: boolean } {
    const coll = this.collection(collection)
    const p = plan(query, coll.secondary)
    // A bucket holding most of the collection is cheaper to scan than to sort back into natural order.
    if (!p.keys || p.keys.size * 4 > coll.docs.size * 3) return { docs: null, served: p.served }
    const keys = [...p.keys]
    if (committed) {
      // Before-images of an open transaction's writes are committed state the live index no longer shows.
      const hidden = this.hidden(collection)
      if (hidden) for (const k of hidden.keys()) if (!p.keys.has(k)) keys.push(k)
    }
    const order = (k: string) => coll.seq.get(k) ?? Number.MAX_SAFE_INTEGER
    keys.sort((a, b) => order(a) - order(b))
    const docs: Doc[] = []
    for (const k of keys) {
      const d = committed ? this.committed(collection, k) : this.live(collection, k)
      if (d) docs.push(d)
    }
    return { docs, served: true }
  }

  /**
   * The first unique-index violation `changes` would cause, if any. Documents changed in the same
   * batch give up their old keys first, so swapping values within one mutation is allowed.
   */
  uniqueConflict(collection: string, changes: Change[]): { index: string; fields: string[]; owner: string } | null {
    const coll = this.collection(collection)
    const changing = new Set(changes.map((c) => c.key))
    for (const ch of changes) {
      if (ch.after && !ch.before && coll.docs.has(ch.key)) return { index: '_id_', fields: ['_id'], owner: ch.key }
    }
    const seenIds = new Set<string>()
    for (const ch of changes) {
      if (!ch.after || ch.before) continue
      if (seenIds.has(ch.key)) return { index: '_id_', fields: ['_id'], owner: ch.key }
      seenIds.add(ch.key)
    }
    for (const idx of coll.unique) {
      const claimed = new Map<string, string>()
      for (const ch of changes) {
        if (!ch.after) continue
        const k = idx.keyOf(ch.after)
        const fields = Object.keys(idx.spec.keys)
        if (claimed.has(k)) return { index: idx.spec.name, fields, owner: claimed.get(k)! }
        const owner = idx.owners.get(k)
        if (owner !== undefined && !changing.has(owner)) return { index: idx.spec.name, fields, owner }
        claimed.set(k, ch.key)
      }
    }
    return null
  }

  /**
   * The cloud's duplicate-key answer: DATABASE_REQUEST_FAILED (-502001) carrying MongoDB's E11000
   * text, which is what callers match on. Values are left out: they may be ID or phone numbers.
   */
  duplicateError(collection: string, conflict: { index: string; fields: string[] }): CloudError {
    return new CloudError(
      'DATABASE_REQUEST_FAILED',
      `E11000 duplicate key error collection: ${collection} index: ${conflict.index} dup key: { ${conflict.fields.map((f) => `${f}: <hidden>`).join(', ')} }`,
    )
  }

  /**
   * Apply validated changes and, unless a transaction defers it, append them to the op log.
   * Callers check uniqueConflict() first; this method does not fail halfway.
   */
  apply(collection: string, changes: Change[], writeLog: boolean): void {
    const coll = this.collection(collection)
    // A write creates the collection (only reachable when the database allows it, see Database).
    if (!coll.exists && changes.some((ch) => ch.after)) this.create(collection)
    for (const ch of changes) this.setDoc(coll, ch.key, ch.after)
    if (writeLog) this.append(changes.map((ch) => logEntry(collection, ch)))
  }

  /** Put a document back without logging (transaction rollback). */
  restore(collection: string, key: string, doc: Doc | null): void {
    this.setDoc(this.collection(collection), key, doc)
  }

  append(entries: LogEntry[]): void {
    this.log?.append(entries)
  }

  /** Resolves when every write applied so far is on disk (immediately in memory). See OpLog. */
  durable(): Promise<void> {
    return this.log ? this.log.durable() : Promise.resolve()
  }

  private setDoc(coll: Collection, key: string, doc: Doc | null): void {
    const old = coll.docs.get(key)
    for (const idx of coll.unique) {
      if (old) {
        const k = idx.keyOf(old)
        if (idx.owners.get(k) === key) idx.owners.delete(k)
      }
      if (doc) idx.owners.set(idx.keyOf(doc), key)
    }
    for (const idx of coll.secondary) {
      if (old) idx.remove(key, old)
      if (doc) idx.add(key, doc)
    }
    if (doc) {
      if (!coll.seq.has(key)) coll.seq.set(key, coll.nextSeq++)
      coll.docs.set(key, doc)
    } else {
      coll.seq.delete(key)
      coll.docs.delete(key)
    }
  }

  *snapshot(): Iterable<LogEntry> {
    for (const [c, coll] of this.collections) {
      if (coll.exists) yield { c, op: 'mk' }
      for (const doc of coll.docs.values()) yield { c, op: 'put', doc }
    }
  }

  close(): void {
    this.log?.close()
    this.log = null
    this.releaseLock?.()
    this.releaseLock = null
  }
}

/**
 * One process per data folder: two clouds appending to the same log would each replay only their
 * own writes and silently lose the other's. The lock names its process; a lock left by a process
 * that no longer runs (killed) is taken over.
 */
function lockDataDir(dataDir: string): () => void {
  const lock = join(dataDir, 'db.lock')
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lock, String(process.pid), { flag: 'wx', mode: FILE_MODE })
      return () => rmSync(lock, { force: true })
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e
      const pid = Number(readFileSync(lock, 'utf8').trim())
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isRunning(pid)) {
        throw new Error(
          `数据目录 ${dataDir} 正被进程 ${pid} 使用（另一个本地云还在运行？）。\nThe data folder is in use by process ${pid}.`,
        )
      }
      if (pid === process.pid) throw new Error(`数据目录 ${dataDir} 已被本进程中的另一个本地云打开 / already open in this process`)
      rmSync(lock, { force: true })
    }
  }
  throw new Error(`无法锁定数据目录 ${dataDir}`)
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}
