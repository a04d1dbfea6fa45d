/**
 * A fake of the 公众号 (服务号) HTTP API, for the endpoints the notice and notify functions call,
 * plus the cover images and article pages those answers link to. Served under `/wxmp/` of the local cloud; the
 * functions get `MP_API_BASE=<cloud>/wxmp` (with a fake AppID, secret and original id), so tests
 * and `npm start` exercise the whole pull without the internet (the net guard refuses it anyway).
 *
 * Checked as WeChat checks them (developers.weixin.qq.com/doc/offiaccount/Basic_Information/getStableAccessToken.html,
 * .../Publish/Get_publication_records.html):
 *   - `POST /cgi-bin/stable_token` `{ grant_type: client_credential, appid, secret }`: a wrong
 *     appid or secret is 40013 / 40125; the answer is `{ access_token, expires_in: 7200 }`;
 *   - `POST /cgi-bin/freepublish/batchget?access_token=` `{ offset, count 1–20, no_content }`: an
 *     unknown token is 40001, a count out of range 40007 (invalid media id is WeChat's answer for
 *     a bad argument here too); the answer is `{ total_count, item_count, item: [{ article_id,
 *     content: { news_item: [...] }, update_time }] }` with `content` left out of each news item
 *     when `no_content` is 1.
 *   - `GET /cgi-bin/user/get?access_token=&next_openid=`: the followers' OPENIDs in follow order,
 *     a page after `next_openid`, `{ total, count, data: { openid }, next_openid }` (the last OPENID
 *     of the page; an empty page has no `data` and an empty `next_openid`);
 *   - `POST /cgi-bin/user/info/batchget` `{ user_list: [{ openid }] }` (1–100, else 40032): per
 *     user `{ subscribe, openid, unionid }`, an OPENID the account never saw is 40003;
 *   - `POST /cgi-bin/message/template/send` `{ touser, template_id, miniprogram, data, client_msg_id }`:
 *     a non-follower is 43004, an unknown template 40037, a bad `data` 47001, a `miniprogram`
 *     without this app's appid or a page 40165; a repeated (touser, client_msg_id) within 10
 *     minutes answers the first msgid and is not delivered again, as WeChat documents. Deliveries
 *     are captured (`templateSends`, and the `wx_template_sends` collection for `npm start`).
 * Tests change the articles with `setArticles`, the followers with `setFollowers`, make calls fail
 * with `failWith(errcode)` and template sends with `failTemplateSends`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { randomBytes } from 'node:crypto'
import { deflateSync } from 'node:zlib'
import { readBody, sendJson } from './http'
import { LOCAL_APPID } from './wxcontext'

export const FAKE_MP_APPID = 'wx00000000000fake0'
export const FAKE_MP_SECRET = 'local-fake-official-account-secret'
export const FAKE_MP_ORIGINAL_ID = 'gh_000000fake00'

/** The template ids the local cloud configures for the notify function (OA_TEMPLATE_IDS), one per subscription template key. */
export const FAKE_OA_TEMPLATE_PREFIX = 'oa-tpl-'
export const TEMPLATE_SENDS_COLLECTION = 'wx_template_sends'
const DEDUP_MS = 10 * 60_000

export interface FakeFollower {
  openid: string
  /** Empty: the 服务号 is not bound to the mini-program's 开放平台 account for this user. */
  unionid?: string
}

export interface TemplateSend {
  touser: string
  templateId: string
  miniprogram: { appid: string; pagepath: string }
  data: Record<string, { value: string }>
  clientMsgId: string
  msgid: number
  sentAt: Date
}

export interface FakeArticle {
  articleId: string
  title: string
  digest: string
  /** Seconds since the epoch. */
  updateTime: number
  /** Which of the fake's covers (0–2) it shows. */
  cover?: number
  isDeleted?: boolean
}

/** Three 1×1 PNGs in the centre's colours (blue, green, orange). */
const COVERS = ['0b57d0', '137333', 'b06000'].map((hex) => png1x1(hex))

const DEFAULT_ARTICLES: FakeArticle[] = [
  {
    articleId: 'fake-art-0001',
    title: '县政务服务中心元旦假期服务安排',
    digest: '1月1日至3日大厅暂停对外服务，网上办理照常受理。',
    updateTime: 1764547200,
    cover: 0,
  },
  {
    articleId: 'fake-art-0002',
    title: '一图读懂：新生儿出生“一件事”联办',
    digest: '出生医学证明、户口登记、医保参保一次办好。',
    updateTime: 1764460800,
    cover: 1,
  },
  {
    articleId: 'fake-art-0003',
    title: '办理不动产登记，这些材料请提前备好',
    digest: '身份证明、权属来源证明、完税凭证……',
    updateTime: 1764374400,
    cover: 2,
  },
]

const TOKEN_SECONDS = 7200

export class FakeOfficialAccount {
  private articles: FakeArticle[] = DEFAULT_ARTICLES.map((a) => ({ ...a }))
  private tokens = new Set<string>()
  private failure: number | null = null
  private followers: FakeFollower[] = []
  /** Everyone who ever followed, so a former follower still has a unionid and `subscribe: 0`. */
  private known = new Map<string, FakeFollower>()
  private followerPage = 10_000
  private sendFailures: Array<{ errcode?: number; dropAnswer?: boolean }> = []
  private readonly delivered: TemplateSend[] = []
  /** Calls received, by endpoint, for tests. */
  readonly calls: Array<{ path: string; at: Date }> = []

  constructor(
    private readonly baseUrl: () => string,
    private readonly record: (doc: Record<string, unknown>) => void = () => undefined,
  ) {}

  /** Who follows the 服务号 now, in follow order; `pageSize` is user/get's page (10,000 at WeChat). */
  setFollowers(list: FakeFollower[], pageSize = 10_000): void {
    this.followers = list.map((f) => ({ ...f }))
    for (const f of list) this.known.set(f.openid, { ...f })
    this.followerPage = pageSize
  }

  /** The next template sends fail, one entry each: with a WeChat errcode, or delivered with the answer lost (the connection dropped). */
  failTemplateSends(...failures: Array<{ errcode?: number; dropAnswer?: boolean }>): void {
    this.sendFailures = failures.map((f) => ({ ...f }))
  }

  /** Template messages delivered, oldest first. */
  templateSends(): TemplateSend[] {
    return this.delivered.map((d) => ({ ...d }))
  }

  setArticles(list: FakeArticle[]): void {
    this.articles = list.map((a) => ({ ...a }))
  }

  /** Every API call answers this errcode until cleared with null (-1 is WeChat's "system error"). */
  failWith(errcode: number | null): void {
    this.failure = errcode
  }

  /** Forget issued tokens, as when WeChat expires them early. */
  expireTokens(): void {
    this.tokens.clear()
  }

  async serve(req: IncomingMessage, res: ServerResponse, path: string, query: URLSearchParams): Promise<void> {
    if (path.startsWith('/covers/')) return this.cover(res, path.slice('/covers/'.length))
    if (path.startsWith('/s/')) return this.page(res, path.slice('/s/'.length))
    if (path === '/cgi-bin/user/get' && req.method === 'GET') {
      this.calls.push({ path, at: new Date() })
      if (this.failure !== null) return sendJson(res, 200, { errcode: this.failure, errmsg: 'system error' })
      return sendJson(res, 200, this.userGet(query.get('access_token') ?? '', query.get('next_openid') ?? ''))
    }
    if (req.method !== 'POST') return sendJson(res, 405, { errcode: 43002, errmsg: 'require POST method' })
    let body: Record<string, unknown>
    try {
      body = JSON.parse((await readBody(req, 64 * 1024)).toString('utf8') || '{}') as Record<string, unknown>
    } catch {
      return sendJson(res, 200, { errcode: 47001, errmsg: 'data format error' })
    }
    this.calls.push({ path, at: new Date() })
    if (this.failure !== null) return sendJson(res, 200, { errcode: this.failure, errmsg: 'system error' })
    if (path === '/cgi-bin/stable_token') return sendJson(res, 200, this.stableToken(body))
    if (path === '/cgi-bin/freepublish/batchget') return sendJson(res, 200, this.batchget(body, query.get('access_token') ?? ''))
    if (path === '/cgi-bin/user/info/batchget') return sendJson(res, 200, this.userInfo(body, query.get('access_token') ?? ''))
    if (path === '/cgi-bin/message/template/send') return this.templateSend(res, body, query.get('access_token') ?? '')
    return sendJson(res, 404, { errcode: 404, errmsg: 'not found' })
  }

  private badToken = (token: string) =>
    this.tokens.has(token) ? null : { errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' }

  private userGet(token: string, after: string) {
    const bad = this.badToken(token)
    if (bad) return bad
    const start = after ? this.followers.findIndex((f) => f.openid === after) + 1 : 0
    const page = start > 0 || !after ? this.followers.slice(start, start + this.followerPage) : []
    if (!page.length) return { total: this.followers.length, count: 0, next_openid: '' }
    return {
      total: this.followers.length,
      count: page.length,
      data: { openid: page.map((f) => f.openid) },
      next_openid: page[page.length - 1].openid,
    }
  }

  private userInfo(b: Record<string, unknown>, token: string) {
    const bad = this.badToken(token)
    if (bad) return bad
    const list = Array.isArray(b.user_list) ? (b.user_list as Array<{ openid?: unknown }>) : []
    if (list.length < 1 || list.length > 100) return { errcode: 40032, errmsg: 'invalid openid list size' }
    const following = new Set(this.followers.map((f) => f.openid))
    const out = []
    for (const u of list) {
      const who = this.known.get(String(u.openid))
      if (!who) return { errcode: 40003, errmsg: 'invalid openid' }
      out.push({ subscribe: following.has(who.openid) ? 1 : 0, openid: who.openid, ...(who.unionid ? { unionid: who.unionid } : {}) })
    }
    return { user_info_list: out }
  }

  private templateSend(res: ServerResponse, b: Record<string, unknown>, token: string): void {
    const answer = (body: Record<string, unknown>) => sendJson(res, 200, body)
    const bad = this.badToken(token)
    if (bad) return answer(bad)
    const touser = String(b.touser ?? '')
    const mp = (b.miniprogram ?? {}) as { appid?: unknown; pagepath?: unknown }
    const data = b.data as Record<string, { value?: unknown }> | undefined
    if (!this.followers.some((f) => f.openid === touser)) return answer({ errcode: 43004, errmsg: 'require subscribe' })
    if (typeof b.template_id !== 'string' || !b.template_id.startsWith(FAKE_OA_TEMPLATE_PREFIX))
      return answer({ errcode: 40037, errmsg: 'invalid template_id' })
    if (mp.appid !== LOCAL_APPID || typeof mp.pagepath !== 'string' || !mp.pagepath)
      return answer({ errcode: 40165, errmsg: 'invalid weapp pagepath' })
    if (!data || typeof data !== 'object' || !Object.values(data).every((v) => typeof v?.value === 'string'))
      return answer({ errcode: 47001, errmsg: 'data format error' })
    const clientMsgId = String(b.client_msg_id ?? '')
    const now = Date.now()
    const earlier = clientMsgId
      ? this.delivered.find((d) => d.touser === touser && d.clientMsgId === clientMsgId && now - d.sentAt.getTime() < DEDUP_MS)
      : undefined
    const failure = earlier ? undefined : this.sendFailures.shift()
    if (failure?.errcode !== undefined) return answer({ errcode: failure.errcode, errmsg: 'system error' })
    let msgid = earlier?.msgid
    if (msgid === undefined) {
      msgid = Math.floor(Math.random() * 2 ** 48)
      const send: TemplateSend = {
        touser,
        templateId: b.template_id,
        miniprogram: { appid: mp.appid, pagepath: mp.pagepath },
        data: data as Record<string, { value: string }>,
        clientMsgId,
        msgid,
        sentAt: new Date(now),
      }
      this.delivered.push(send)
      this.record({ ...send })
    }
    // Delivered, but the caller never hears it: the answer is lost with the connection.
    if (failure?.dropAnswer) {
      res.socket?.destroy()
      return
    }
    answer({ errcode: 0, errmsg: 'ok', msgid })
  }

  private stableToken(b: Record<string, unknown>) {
    if (b.grant_type !== 'client_credential') return { errcode: 40002, errmsg: 'invalid grant_type' }
    if (b.appid !== FAKE_MP_APPID) return { errcode: 40013, errmsg: 'invalid appid' }
    if (b.secret !== FAKE_MP_SECRET) return { errcode: 40125, errmsg: 'invalid appsecret' }
    const token = `fake-${randomBytes(12).toString('hex')}`
    this.tokens.add(token)
    return { access_token: token, expires_in: TOKEN_SECONDS }
  }

  private batchget(b: Record<string, unknown>, token: string) {
    const bad = this.badToken(token)
    if (bad) return bad
    const offset = Number(b.offset ?? 0)
    const count = Number(b.count)
    if (!Number.isInteger(offset) || offset < 0 || !Number.isInteger(count) || count < 1 || count > 20)
      return { errcode: 40007, errmsg: 'invalid media_id' }
    const sorted = [...this.articles].sort((x, y) => y.updateTime - x.updateTime)
    const page = sorted.slice(offset, offset + count)
    const base = this.baseUrl()
    return {
      total_count: sorted.length,
      item_count: page.length,
      item: page.map((a) => ({
        article_id: a.articleId,
        content: {
          news_item: [
            {
              title: a.title,
              author: '县政务服务中心',
              digest: a.digest,
              ...(b.no_content === 1 ? {} : { content: `<p>${a.digest}</p>` }),
              content_source_url: '',
              thumb_media_id: `thumb-${a.articleId}`,
              show_cover_pic: 1,
              url: `${base}/wxmp/s/${encodeURIComponent(a.articleId)}`,
              thumb_url: `${base}/wxmp/covers/${a.cover ?? 0}.png`,
              need_open_comment: 0,
              only_fans_can_comment: 0,
              is_deleted: !!a.isDeleted,
            },
          ],
          create_time: a.updateTime,
          update_time: a.updateTime,
        },
        update_time: a.updateTime,
      })),
    }
  }

  private cover(res: ServerResponse, name: string): void {
    const png = COVERS[Number(name.replace(/\.png$/, ''))]
    if (!png) return sendJson(res, 404, { errcode: 404, errmsg: 'not found' })
    res.writeHead(200, { 'content-type': 'image/png', 'content-length': png.length })
    res.end(png)
  }

  /** A stand-in for the article page at mp.weixin.qq.com, which the h5 app links to. */
  private page(res: ServerResponse, id: string): void {
    const a = this.articles.find((x) => x.articleId === decodeURIComponent(id))
    if (!a) return sendJson(res, 404, { errcode: 404, errmsg: 'not found' })
    const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
    const html = `<!doctype html><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${esc(a.title)}</title><h1>${esc(a.title)}</h1><p>${esc(a.digest)}</p><p>（本地模拟的公众号文章）</p>`
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(html) })
    res.end(html)
  }
}

/** A valid 1×1 PNG of one colour. */
function png1x1(hex: string): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    return c >>> 0
  })
  const crc = (b: Buffer) => {
    let c = 0xffffffff
    for (const x of b) c = crcTable[(c ^ x) & 0xff] ^ (c >>> 8)
    return (c ^ 0xffffffff) >>> 0
  }
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4)
    len.writeUInt32BE(data.length)
    const td = Buffer.concat([Buffer.from(type, 'ascii'), data])
    const c = Buffer.alloc(4)
    c.writeUInt32BE(crc(td))
    return Buffer.concat([len, td, c])
  }
  const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0])
  // One scanline: filter byte 0, then the RGB of the pixel.
  const idat = deflateSync(Buffer.from([0, ...Buffer.from(hex, 'hex')]))
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', idat),
    chunk('IEND', Buffer.alloc(0)),
  ])
}
