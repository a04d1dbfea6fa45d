import http from 'node:http'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startLocalCloud, type LocalCloud } from '../../local'
import { buildFixtures } from '../support/fixtures'

let withBoard: LocalCloud
let without: LocalCloud

beforeAll(async () => {
  const functionsDir = await buildFixtures(['probe'])
  const site = mkdtempSync(join(tmpdir(), 'local-board-'))
  const boardDir = join(site, 'board')
  mkdirSync(join(boardDir, 'chunks'), { recursive: true })
  writeFileSync(join(boardDir, 'index.html'), '<!doctype html><title>大厅公示屏</title>')
  writeFileSync(join(boardDir, 'board.js'), 'console.log("board")')
  writeFileSync(join(boardDir, 'chunks', 'a.js'), 'export {}')
  writeFileSync(join(site, 'secret.txt'), 'not for the web')
  const log = () => {}
  withBoard = await startLocalCloud({ port: 0, functionsDir, boardDir, log })
  without = await startLocalCloud({ port: 0, functionsDir, log })
})
afterAll(async () => {
  await withBoard?.close()
  await without?.close()
})

/** A raw GET, so the path reaches the server exactly as written (fetch would normalise `..`). */
const rawGet = (cloud: LocalCloud, path: string, method = 'GET') =>
  new Promise<{ status: number; type: string; location?: string; body: string }>((ok, fail) => {
    const req = http.request({ host: '127.0.0.1', port: cloud.port, path, method }, (res) => {
      let body = ''
      res.on('data', (c) => (body += c))
      res.on('end', () => ok({ status: res.statusCode!, type: String(res.headers['content-type']), location: res.headers.location, body }))
    })
    req.once('error', fail)
    req.end()
  })

describe('GET /board/', () => {
  it('when the board is built, then /board/ serves its page and files, and /board sends the browser to the folder', async () => {
    expect(await rawGet(withBoard, '/board')).toMatchObject({ status: 301, location: '/board/' })
    const page = await rawGet(withBoard, '/board/')
    expect(page).toMatchObject({ status: 200, type: 'text/html; charset=utf-8' })
    expect(page.body).toContain('大厅公示屏')
    expect(await rawGet(withBoard, '/board/board.js')).toMatchObject({
      status: 200,
      type: 'text/javascript; charset=utf-8',
      body: 'console.log("board")',
    })
    expect(await rawGet(withBoard, '/board/chunks/a.js')).toMatchObject({ status: 200, body: 'export {}' })
    expect((await rawGet(withBoard, '/board/?display=abc')).body).toContain('大厅公示屏')
  })

  it('when a path tries to leave the board folder, then the page is served instead of the file', async () => {
    for (const path of ['/board/../secret.txt', '/board/%2e%2e/secret.txt', '/board/..%2fsecret.txt']) {
      const res = await rawGet(withBoard, path)
      expect(res.body).not.toContain('not for the web')
    }
  })

  it('when the board is not built, then /board/ says how to build it; other methods are refused', async () => {
    const res = await rawGet(without, '/board/')
    expect(res.status).toBe(404)
    expect(res.body).toContain('npm run build:board')
    expect((await rawGet(withBoard, '/board/', 'POST')).status).toBe(405)
  })
})
