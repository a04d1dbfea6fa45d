/**
 * The hall display board's static files at /board/ (the build of scripts/build-board.ts), so
 * `npm start` and the browser tests open it from the same origin as the gateway it polls, as the
 * 云开发 static hosting serves it beside the environment in production.
 *
 *   GET /board          → 301 to /board/ (the page's files are relative to the folder)
 *   GET /board/<file>   → the file; /board/ and unknown paths → index.html
 */
import { createReadStream, existsSync, statSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { resolve, sep } from 'node:path'
import { sendJson } from './http'
import { contentType } from './mime'

const MISSING =
  '<!doctype html><meta charset="utf-8"><title>大厅公示屏</title><p>还没有大厅公示屏的构建：请先运行 <code>npm run build:board</code>（<code>npm start</code> 会自动构建）。</p>'

export class BoardPages {
  private readonly root: string

  constructor(dir: string) {
    this.root = resolve(dir)
  }

  static serve(pages: BoardPages | null, req: IncomingMessage, res: ServerResponse, path: string): void {
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return sendJson(res, 405, { ok: false, error: { code: 'INVALID_INPUT', message: '不支持的请求方法' } }, { allow: 'GET, HEAD' })
    if (path === '/board') {
      res.writeHead(301, { location: '/board/' })
      return void res.end()
    }
    if (!pages || !existsSync(resolve(pages.root, 'index.html'))) {
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(MISSING) })
      return void res.end(req.method === 'HEAD' ? undefined : MISSING)
    }
    pages.file(req, res, path.slice('/board'.length))
  }

  private file(req: IncomingMessage, res: ServerResponse, rel: string): void {
    let decoded = ''
    try {
      decoded = decodeURIComponent(rel)
    } catch {
      decoded = ''
    }
    let file = resolve(this.root, 'index.html')
    if (decoded && !decoded.includes('\0')) {
      const candidate = resolve(this.root, '.' + decoded)
      if (candidate.startsWith(this.root + sep) && existsSync(candidate) && statSync(candidate).isFile()) file = candidate
    }
    res.writeHead(200, {
      'content-type': contentType(file),
      'content-length': statSync(file).size,
      // The page polls for hours: a rebuild must show on the next reload, so nothing is cached long.
      'cache-control': 'no-cache',
      'x-content-type-options': 'nosniff',
    })
    if (req.method === 'HEAD') return void res.end()
    createReadStream(file).pipe(res)
  }
}
