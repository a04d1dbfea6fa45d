/**
 * Durability for the local database: an append-only op log of EJSON lines in `<dataDir>/db.log`
 * (mode 0600: it holds whole documents, ID numbers included).
 *
 * Each line is the full new state of one document (`put`) or its removal (`del`), so replay is
 * idempotent and needs no query engine. A mutation appends its lines synchronously, inside the same
 * tick that matched and applied it, so the log's order is the order of the applies; from then on
 * the write survives a crash (SIGKILL) of this process (it is in the OS page cache).
 *
 * Surviving a power cut needs the lines on the disk, i.e. fsync, before the caller is answered.
 * One fsync per write would serialise every write behind the disk; instead answers wait on
 * durable(), a group commit: when a caller waits and no fsync is running, one starts (on libuv's
 * thread pool, so the event loop keeps applying writes) covering every line appended so far; the
 * writes that arrive meanwhile share the next one. Every acknowledged write is therefore on disk,
 * and a burst of N concurrent writes costs about two fsyncs, not N (the bench measures it).
 * An fsync that fails leaves the page cache in an unknown state (the kernel may drop the dirty
 * pages and report success next time), so the log refuses every later write instead of retrying.
 *
 * On start the log is replayed, a torn last line (no trailing newline: the process died mid-append)
 * is ignored, and the log is compacted to one `put` per live document: written to a temp file,
 * fsynced, renamed over the log, and the directory fsynced, so a crash during compaction leaves
 * either the old or the new log, never a mix.
 */
import { appendFileSync, closeSync, existsSync, fsync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs'
import { dirname } from 'node:path'
import { EJSON } from 'bson'
import { FILE_MODE } from './datadir'
import type { Doc } from './ejson'

/**
 * `put`: a document's full new state; `del`: its removal by _id; `mk`: the collection exists (so an
 * emptied or explicitly created collection survives a restart).
 */
export type LogEntry = { c: string; op: 'put'; doc: Doc } | { c: string; op: 'del'; id: unknown } | { c: string; op: 'mk' }

export interface ReplayReport {
  lines: number
  tornTail: boolean
}

const line = (e: LogEntry) => EJSON.stringify(e as unknown as Doc, { relaxed: false }) + '\n'

const done = Promise.resolve()

interface Waiter {
  seq: number
  ok: () => void
  fail: (e: Error) => void
}

export class OpLog {
  private fd: number
  /** Appends made, and how many of them an fsync has covered. */
  private appended = 0
  private synced = 0
  private syncing = false
  private waiters: Waiter[] = []
  private broken: Error | null = null
  private closed = false

  /** `sync`: answer only what is on disk (group commit); false keeps writes in the OS cache only. */
  constructor(
    readonly file: string,
    private readonly sync = true,
  ) {
    this.fd = openSync(file, 'a', FILE_MODE)
  }

  /** Read every complete line of `file` in order. Throws when a complete line is unreadable. */
  static replay(file: string, apply: (e: LogEntry) => void): ReplayReport {
    if (!existsSync(file)) return { lines: 0, tornTail: false }
    const text = readFileSync(file, 'utf8')
    const parts = text.split('\n')
    // Only newline-terminated lines were acknowledged; a non-empty remainder is a torn append.
    const tail = parts.pop() ?? ''
    let lines = 0
    parts.forEach((raw, i) => {
      if (raw.trim() === '') return
      let entry: LogEntry
      try {
        entry = EJSON.parse(raw, { relaxed: true }) as unknown as LogEntry
      } catch (e) {
        throw new Error(`${file}:${i + 1} 无法读取（数据日志损坏）: ${(e as Error).message}`)
      }
      apply(entry)
      lines++
    })
    return { lines, tornTail: tail.trim() !== '' }
  }

  /** Append entries with one write, so a transaction's lines land together. */
  append(entries: LogEntry[]): void {
    if (!entries.length) return
    if (this.broken) throw this.broken
    appendFileSync(this.fd, entries.map(line).join(''))
    this.appended++
  }

  /** Resolves once every line appended before this call is on disk (see the group commit above). */
  durable(): Promise<void> {
    if (this.broken) return Promise.reject(this.broken)
    if (!this.sync || this.synced >= this.appended) return done
    return new Promise((ok, fail) => {
      this.waiters.push({ seq: this.appended, ok, fail })
      this.flush()
    })
  }

  private flush(): void {
    if (this.syncing || this.closed || !this.waiters.length) return
    this.syncing = true
    const target = this.appended
    const fd = this.fd
    fsync(fd, (err) => {
      this.syncing = false
      if (err) {
        this.broken = new Error(`数据日志无法写入磁盘（fsync 失败: ${err.message}），本地云已停止接受写入，请检查磁盘后重启`)
        for (const w of this.waiters.splice(0)) w.fail(this.broken)
      } else {
        this.synced = Math.max(this.synced, target)
        const covered = this.waiters.filter((w) => w.seq <= this.synced)
        this.waiters = this.waiters.filter((w) => w.seq > this.synced)
        for (const w of covered) w.ok()
      }
      if (this.closed) return closeQuietly(fd)
      this.flush()
    })
  }

  /** Replace the log with a snapshot of the live documents (temp file, fsync, rename). */
  compact(snapshot: Iterable<LogEntry>): void {
    const tmp = `${this.file}.compact-${process.pid}`
    const fd = openSync(tmp, 'w', FILE_MODE)
    try {
      let buf = ''
      for (const e of snapshot) {
        buf += line(e)
        if (buf.length > 1 << 20) {
          writeSync(fd, buf)
          buf = ''
        }
      }
      if (buf) writeSync(fd, buf)
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
    closeSync(this.fd)
    renameSync(tmp, this.file)
    fsyncDir(dirname(this.file))
    this.fd = openSync(this.file, 'a', FILE_MODE)
  }

  /** Flushes what is still unsynced, answers the waiters and closes (after a running fsync, if any). */
  close(): void {
    if (this.closed) return
    this.closed = true
    if (this.sync && !this.broken && this.synced < this.appended) {
      try {
        fsyncSync(this.fd)
        this.synced = this.appended
      } catch {
        // reported to nobody: the process is closing the store
      }
    }
    for (const w of this.waiters.splice(0)) {
      if (w.seq <= this.synced) w.ok()
      else w.fail(new Error('数据日志已关闭'))
    }
    if (!this.syncing) closeQuietly(this.fd)
  }
}

function closeQuietly(fd: number): void {
  try {
    closeSync(fd)
  } catch {
    // already closed
  }
}

function fsyncDir(dir: string): void {
  let fd: number | undefined
  try {
    fd = openSync(dir, 'r')
    fsyncSync(fd)
  } catch {
    // Some file systems refuse fsync on directories; the rename is still atomic.
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}
