import { spawn, type ChildProcess } from 'node:child_process'
import { appendFileSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import cloud from 'wx-server-sdk'
import { installSdkEnv, startLocalCloud, type SdkTarget } from '../../local'
import { buildFixtures } from '../support/fixtures'
import { startTestCloud, type TestCloud, type TestDatabase } from '../support/cloud'

const root = resolve(__dirname, '..', '..')
let functionsDir: string
let child: ChildProcess | undefined
let t: TestCloud | undefined

beforeAll(async () => {
  functionsDir = await buildFixtures(['probe'])
})
afterAll(async () => {
  child?.kill('SIGKILL')
  await t?.close()
})

function startChild(dataDir: string): Promise<SdkTarget> {
  // `node --import tsx` keeps it one process (the tsx CLI would put a wrapper between us and the
  // cloud, and SIGKILL would hit only the wrapper).
  child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'fixtures', 'cloud-child.ts'), dataDir, functionsDir], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  return new Promise((ok, fail) => {
    let out = ''
    child!.stdout!.on('data', (c: Buffer) => {
      out += c.toString()
      const line = out.split('\n')[0]
      if (out.includes('\n')) ok(JSON.parse(line))
    })
    child!.once('exit', (code) => fail(new Error(`child exited early (${code})`)))
  })
}

describe('durability', () => {
  it('when the cloud process is SIGKILLed mid-write, then every acknowledged write is there after a restart, and a torn last line is ignored', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'local-cloud-durable-'))
    installSdkEnv(await startChild(dataDir))
    cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })
    const db = cloud.database() as unknown as TestDatabase
    const _ = db.command
    await db.collection('counters').add({ data: { _id: 'c', n: 0 } })

    let acked = 0
    let attempted = 0
    const ackedIds: string[] = []
    let killed = false
    const exited = new Promise<NodeJS.Signals | null>((ok) => child!.once('exit', (_code, signal) => ok(signal)))
    const writer = async () => {
      while (!killed) {
        attempted++
        try {
          await db
            .collection('counters')
            .doc('c')
            .update({ data: { n: _.inc(1) } })
          const { _id } = await db.collection('events').add({ data: { at: new Date(), seq: acked } })
          acked++
          ackedIds.push(_id)
          if (acked === 150) {
            killed = true
            child!.kill('SIGKILL')
          }
        } catch {
          return // the server is gone
        }
      }
    }
    await Promise.all(Array.from({ length: 8 }, writer))
    expect(await exited).toBe('SIGKILL')

    // As if the process had died half-way through appending a line.
    appendFileSync(join(dataDir, 'db.log'), '{"c":"events","op":"put","doc":{"_id":"torn","seq":')

    t = await startTestCloud({ functionsDir, dataDir })
    expect(t.logs().join('\n')).toMatch(/最后一行不完整/)
    const n = (await t.db.collection('counters').doc('c').get()).data.n
    expect(n).toBeGreaterThanOrEqual(acked)
    expect(n).toBeLessThanOrEqual(attempted)
    const events = (await t.db.collection('events').limit(1000).get()).data.map((d) => d._id as string)
    expect(events).toEqual(expect.arrayContaining(ackedIds))
    expect(events).not.toContain('torn')

    // The log was compacted on start: one line per collection plus one per live document.
    const lines = readFileSync(join(dataDir, 'db.log'), 'utf8').trim().split('\n')
    expect(lines).toHaveLength(2 + 1 + events.length)
  })

  it('when a second cloud opens a data folder that is in use, then it refuses to start', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'local-cloud-locked-'))
    const first = await startLocalCloud({ port: 0, dataDir, functionsDir, log: () => {} })
    try {
      await expect(startLocalCloud({ port: 0, dataDir, functionsDir, log: () => {} })).rejects.toThrow(/数据目录/)
    } finally {
      await first.close()
    }
    const again = await startLocalCloud({ port: 0, dataDir, functionsDir, log: () => {} })
    await again.close()
  })
})
