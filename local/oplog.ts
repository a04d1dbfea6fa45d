/**
 * Durability for the local database: an append-only op log of EJSON lines in `<dataDir>/db.log`.
 *
 * Each line is the full new state of one document (`put`) or its removal (`del`), so replay is
 * idempotent and needs no query engine. A mutation appends its lines synchronously, inside the same
 * tick that matched and applied it, and before the reply is sent: once a caller has an answer, the
 * write is in the OS page cache and survives a crash (SIGKILL) of this process. We do not fsync per
 * write; losing the tail on a power cut is acceptable for a development store.
 *
 * On start the log is replayed, a torn last line (no trailing newline: the process died mid-append)
 * is ignored, and the log is compacted to one `put` per live document: written to a temp file,
 * fsynced, renamed over the log, and the directory fsynced, so a crash during compaction leaves
 * either the old or the new log, never a mix.
 */
import { appendFileSync, closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs'
import { dirname } from 'node:path'
import { EJSON } from 'bson'
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

export class OpLog {
  private fd: number

  constructor(readonly file: string) {
    this.fd = openSync(file, 'a')
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
    appendFileSync(this.fd, entries.map(line).join(''))
  }

  /** Replace the log with a snapshot of the live documents (temp file, fsync, rename). */
  compact(snapshot: Iterable<LogEntry>): void {
    const tmp = `${this.file}.compact-${process.pid}`
    const fd = openSync(tmp, 'w')
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
    this.fd = openSync(this.file, 'a')
  }

  close(): void {
    try {
      closeSync(this.fd)
    } catch {
      // already closed
    }
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
