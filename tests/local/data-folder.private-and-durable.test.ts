/**
 * The local cloud's data folder holds whole documents (ID numbers included), uploaded ID cards and
 * the functions' secret: it is the owner's alone, and what it acknowledges is on disk.
 */
import { createHmac } from 'node:crypto'
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startLocalCloud } from '../../local'
import { OpLog } from '../../local/oplog'
import { buildFixtures } from '../support/fixtures'
import { startTestCloud } from '../support/cloud'

// The module object itself (an `import * as` namespace is a copy that spies would not reach).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const fs: typeof import('node:fs') = require('node:fs')

let functionsDir: string
beforeAll(async () => {
  functionsDir = await buildFixtures(['probe'])
})

const mode = (p: string) => statSync(p).mode & 0o777
const macOf = (key: string) => createHmac('sha256', key).update('probe').digest('hex')

describe('the data folder', () => {
  it('when a cloud writes a document and a file, then the folder is 0700 and every file in it 0600', async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'local-cloud-modes-')), 'data')
    const t = await startTestCloud({ functionsDir, dataDir })
    try {
      await t.db.collection('people').add({ data: { name: '张伟', idNumber: '11010519491231002X' } })
      await t.sdk.uploadFile({ cloudPath: 'materials/abc/id-card.jpg', fileContent: Buffer.from('jpeg') })
      expect(mode(dataDir)).toBe(0o700)
      expect(mode(join(dataDir, 'files'))).toBe(0o700)
      expect(mode(join(dataDir, 'files', 'materials', 'abc'))).toBe(0o700)
      for (const f of ['db.log', 'db.lock', 'id-hash-key', 'files/materials/abc/id-card.jpg'])
        expect([f, mode(join(dataDir, f))]).toEqual([f, 0o600])
    } finally {
      await t.close()
    }
  })

  it('when a folder was left world-readable by an earlier version, then the cloud tightens it on start and leaves foreign files alone', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'local-cloud-old-'))
    chmodSync(dataDir, 0o755)
    writeFileSync(join(dataDir, 'db.log'), '', { mode: 0o644 })
    mkdirSync(join(dataDir, 'files', 'materials'), { recursive: true, mode: 0o755 })
    writeFileSync(join(dataDir, 'files', 'materials', 'a.pdf'), 'pdf', { mode: 0o644 })
    writeFileSync(join(dataDir, 'notes.txt'), 'mine', { mode: 0o644 })
    chmodSync(join(dataDir, 'db.log'), 0o644)
    const cloud = await startLocalCloud({ port: 0, dataDir, functionsDir, log: () => undefined })
    await cloud.close()
    expect(mode(dataDir)).toBe(0o700)
    expect(mode(join(dataDir, 'db.log'))).toBe(0o600)
    expect(mode(join(dataDir, 'files', 'materials'))).toBe(0o700)
    expect(mode(join(dataDir, 'files', 'materials', 'a.pdf'))).toBe(0o600)
    expect(mode(join(dataDir, 'notes.txt'))).toBe(0o644)
  })
})

describe('the functions’ ID_HASH_KEY', () => {
  it('when a cloud has a data folder, then it generates the key once, keeps it (0600) and gives the same key to the functions after a restart', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'local-cloud-key-'))
    const first = await startLocalCloud({ port: 0, dataDir, functionsDir, log: () => undefined })
    const a = (await first.invoke('probe', { action: 'hashKey' })) as { set: boolean; mac: string }
    await first.close()
    const key = readFileSync(join(dataDir, 'id-hash-key'), 'utf8').trim()
    expect(key).toMatch(/^[0-9a-f]{64}$/)
    expect(mode(join(dataDir, 'id-hash-key'))).toBe(0o600)
    expect(a).toEqual({ set: true, mac: macOf(key) })
    const again = await startLocalCloud({ port: 0, dataDir, functionsDir, log: () => undefined })
    try {
      expect(await again.invoke('probe', { action: 'hashKey' })).toEqual(a)
    } finally {
      await again.close()
    }
  })

  it('when clouds run in memory, then each start has its own key, and the test process never sees it', async () => {
    const macs: string[] = []
    for (let i = 0; i < 2; i++) {
      const cloud = await startLocalCloud({ port: 0, functionsDir, log: () => undefined })
      try {
        const r = (await cloud.invoke('probe', { action: 'hashKey' })) as { set: boolean; mac: string }
        expect(r.set).toBe(true)
        macs.push(r.mac)
      } finally {
        await cloud.close()
      }
    }
    expect(macs[0]).not.toBe(macs[1])
    expect(process.env.ID_HASH_KEY).toBeUndefined()
  })
})

describe('durable acknowledgements (group commit)', () => {
  afterEach(() => jest.restoreAllMocks())

  it('when writes arrive while an fsync runs, then none is acknowledged before an fsync covering it, and they share the next one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'oplog-group-'))
    const pending: Array<(err: NodeJS.ErrnoException | null) => void> = []
    const fsync = jest
      .spyOn(fs, 'fsync')
      .mockImplementation(((_fd: number, cb: (err: NodeJS.ErrnoException | null) => void) => void pending.push(cb)) as typeof fs.fsync)
    const log = new OpLog(join(dir, 'db.log'))
    const acked: string[] = []
    const write = (id: string) => {
      log.append([{ c: 'x', op: 'put', doc: { _id: id } }])
      return log.durable().then(() => void acked.push(id))
    }
    const a = write('a')
    await Promise.resolve()
    expect(fsync).toHaveBeenCalledTimes(1)
    const rest = ['b', 'c', 'd'].map(write)
    await new Promise((r) => setImmediate(r))
    expect(acked).toEqual([])
    pending.shift()!(null) // the fsync that covers `a` only
    await a
    await new Promise((r) => setImmediate(r))
    expect(acked).toEqual(['a'])
    expect(fsync).toHaveBeenCalledTimes(2) // b, c and d share one
    pending.shift()!(null)
    await Promise.all(rest)
    expect(acked).toEqual(['a', 'b', 'c', 'd'])
    expect(fsync).toHaveBeenCalledTimes(2)
    log.close()
  })

  it('when an fsync fails, then the waiting writes are refused and so is every later write', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'oplog-eio-'))
    jest
      .spyOn(fs, 'fsync')
      .mockImplementation(((_fd: number, cb: (err: NodeJS.ErrnoException | null) => void) =>
        cb(Object.assign(new Error('EIO: i/o error'), { code: 'EIO' }))) as typeof fs.fsync)
    const log = new OpLog(join(dir, 'db.log'))
    log.append([{ c: 'x', op: 'put', doc: { _id: 'a' } }])
    await expect(log.durable()).rejects.toThrow(/fsync/)
    expect(() => log.append([{ c: 'x', op: 'put', doc: { _id: 'b' } }])).toThrow(/fsync/)
    log.close()
  })

  // How many fsyncs HTTP arrivals share depends on timing; the sharing itself is proven above.
  it('when 100 writes arrive at once through the SDK, then every one is in the log when answered, after at least one fsync and never more than one each', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'local-cloud-group-'))
    const t = await startTestCloud({ functionsDir, dataDir })
    try {
      const fsync = jest.spyOn(fs, 'fsync')
      await Promise.all(Array.from({ length: 100 }, (_x, i) => t.db.collection('events').add({ data: { i } })))
      const lines = readFileSync(join(dataDir, 'db.log'), 'utf8')
        .split('\n')
        .filter((l) => l.includes('"events"') && l.includes('"put"'))
      expect(lines).toHaveLength(100)
      expect(fsync.mock.calls.length).toBeGreaterThanOrEqual(1)
      expect(fsync.mock.calls.length).toBeLessThanOrEqual(100)
    } finally {
      await t.close()
    }
  })
})
