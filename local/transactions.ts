/**
 * Transactions for the local database (database.startTransaction / commitTransaction /
 * abortTransaction and every operation that carries a `transactionId`).
 *
 * One transaction at a time holds the transaction lock, from startTransaction to its end; others
 * wait in line for it. Serializing is simple and cannot deadlock, and it beats answering
 * DATABASE_TRANSACTION_CONFLICT at once: wx-server-sdk's document wrappers turn that code into a
 * plain -501001 error, so `runTransaction` only retries a conflict that comes back from commit
 * (@cloudbase/database/dist/commonjs/transaction/index.js). A waiter that does not get the lock
 * within LOCK_WAIT_MS gets DATABASE_TRANSACTION_CONFLICT from startTransaction.
 *
 * The holder writes straight into the store and keeps an undo log of before-images:
 *  - commit appends the final state of every document it touched to the op log in one write;
 *  - abort (explicit, on conflict, or after TX_LIFETIME_MS for a transaction a crashed function
 *    left open) puts the before-images back. Nothing uncommitted ever reaches the op log.
 * Everybody else reads committed state (the before-images; Store.committedDocs). A write outside
 * the transaction that would touch one of its documents waits until the transaction ends, as
 * MongoDB blocks it behind the document lock. If the transaction read a document that somebody
 * else changed before it writes that document, the write fails with DATABASE_TRANSACTION_CONFLICT
 * and the transaction is aborted (MongoDB's WriteConflict), so no update is lost.
 *
 * wx-server-sdk quirk: where-based update/remove/count never send the
 * transactionId, so inside a transaction they run outside it. When such a write comes from the same
 * invocation (same WX_API_TOKEN) and touches the transaction's documents it would wait for itself
 * until the lifetime runs out; we answer DATABASE_TRANSACTION_CONFLICT at once and say why.
 */
import { randomBytes } from 'node:crypto'
import type { Doc } from './ejson'
import { BlockedByTransaction, CloudError } from './errors'
import { logEntry, type Change, type Store } from './store'
import type { LogEntry } from './oplog'

export const TX_LIFETIME_MS = 10_000
export const LOCK_WAIT_MS = 12_000 // below the SDK's 15 s request timeout

interface Tx {
  id: string
  /** WX_API_TOKEN of the invocation that started it ('' outside a function). */
  token: string
  /** collection → document key → before-image (null: did not exist) */
  undo: Map<string, Map<string, Doc | null>>
  /** `collection\0key` → the document object this transaction read (objects are never mutated in place) */
  reads: Map<string, Doc | undefined>
  timer: NodeJS.Timeout
  ended: Promise<void>
  finish: () => void
}

interface Waiter {
  token: string
  grant: (id: string) => void
  refuse: (e: Error) => void
  timer: NodeJS.Timeout
}

const conflict = (why: string) => new CloudError('DATABASE_TRANSACTION_CONFLICT', why)

export class Transactions {
  private active: Tx | null = null
  private readonly queue: Waiter[] = []
  /** Recently ended transactions, so a repeated commit/abort is answered consistently. */
  private readonly ended = new Map<string, 'committed' | 'aborted'>()

  constructor(
    private readonly store: Store,
    private readonly log: (line: string) => void,
  ) {
    store.setHiddenWrites((collection) => this.active?.undo.get(collection))
  }

  start(token: string): Promise<string> {
    if (!this.active) return Promise.resolve(this.open(token))
    return new Promise((grant, refuse) => {
      const waiter: Waiter = {
        token,
        grant,
        refuse,
        timer: setTimeout(() => {
          this.queue.splice(this.queue.indexOf(waiter), 1)
          refuse(conflict(`another transaction held the lock for more than ${LOCK_WAIT_MS / 1000} s`))
        }, LOCK_WAIT_MS),
      }
      this.queue.push(waiter)
    })
  }

  /** The open transaction with this id; anything else (expired, aborted, unknown) is a conflict. */
  get(id: string): Tx {
    if (this.active && this.active.id === id) return this.active
    const outcome = this.ended.get(id)
    throw conflict(outcome ? `transaction ${id} was already ${outcome}` : `transaction ${id} does not exist or expired`)
  }

  noteRead(tx: Tx, collection: string, key: string, doc: Doc | undefined): void {
    const k = `${collection}\u0000${key}`
    if (!tx.reads.has(k)) tx.reads.set(k, doc)
  }

  /**
   * Before a transactional write: fail (and abort) if a document it read was changed by somebody
   * else since, then remember before-images for rollback.
   */
  recordWrite(tx: Tx, collection: string, changes: Change[]): void {
    let undo = tx.undo.get(collection)
    for (const ch of changes) {
      if (undo?.has(ch.key)) continue
      const k = `${collection}\u0000${ch.key}`
      if (tx.reads.has(k) && tx.reads.get(k) !== (ch.before ?? undefined)) {
        this.abort(tx.id, 'write conflict')
        throw conflict(`document ${ch.key} in ${collection} was changed outside the transaction after it was read`)
      }
    }
    if (!undo) tx.undo.set(collection, (undo = new Map()))
    for (const ch of changes) if (!undo.has(ch.key)) undo.set(ch.key, ch.before)
  }

  /**
   * Before a write outside any transaction: if it would touch a document the open transaction
   * wrote (`touches` tests the before-image and the live version), wait for that transaction.
   */
  guardOutsideWrite(collection: string, token: string, touches: (doc: Doc) => boolean): void {
    const tx = this.active
    const undo = tx?.undo.get(collection)
    if (!tx || !undo) return
    for (const [key, before] of undo) {
      const live = this.store.live(collection, key)
      if ((before && touches(before)) || (live && touches(live))) {
        if (token && token === tx.token) {
          throw conflict(
            'a where-based update/remove inside a transaction touched a document the transaction wrote; wx-server-sdk sends such calls without the transactionId, so they are not part of the transaction. Use doc(id).update/remove inside transactions',
          )
        }
        throw new BlockedByTransaction(tx.ended)
      }
    }
  }

  /** Whether a document key is held by the open transaction (for inserts and unique keys). */
  holds(collection: string, key: string): Promise<void> | null {
    return this.active?.undo.get(collection)?.has(key) ? this.active.ended : null
  }

  commit(id: string): void {
    if (this.ended.get(id) === 'committed') return
    const tx = this.get(id)
    const entries: LogEntry[] = []
    for (const [collection, undo] of tx.undo) {
      for (const [key, before] of undo) {
        const after = this.store.live(collection, key) ?? null
        if (before || after) entries.push(logEntry(collection, { key, before, after }))
      }
    }
    this.store.append(entries)
    this.finish(tx, 'committed')
  }

  abort(id: string, why = 'rollback'): void {
    if (this.ended.has(id)) return
    const tx = this.get(id)
    for (const [collection, undo] of tx.undo) for (const [key, before] of undo) this.store.restore(collection, key, before)
    if (why !== 'rollback') this.log(`事务 ${id} 已回滚: ${why}`)
    this.finish(tx, 'aborted')
  }

  close(): void {
    if (this.active) this.abort(this.active.id, 'local cloud closing')
    for (const w of this.queue.splice(0)) {
      clearTimeout(w.timer)
      w.refuse(conflict('local cloud closing'))
    }
  }

  private open(token: string): string {
    const id = randomBytes(16).toString('hex')
    let finish!: () => void
    const ended = new Promise<void>((resolve) => (finish = resolve))
    const timer = setTimeout(() => this.abort(id, `left open for more than ${TX_LIFETIME_MS / 1000} s`), TX_LIFETIME_MS)
    timer.unref()
    this.active = { id, token, undo: new Map(), reads: new Map(), timer, ended, finish }
    return id
  }

  private finish(tx: Tx, outcome: 'committed' | 'aborted'): void {
    clearTimeout(tx.timer)
    this.active = null
    this.ended.set(tx.id, outcome)
    if (this.ended.size > 1000) this.ended.delete(this.ended.keys().next().value as string)
    tx.finish()
    const next = this.queue.shift()
    if (next) {
      clearTimeout(next.timer)
      next.grant(this.open(next.token))
    }
  }
}

export type { Tx }
