import { db } from '../_kit/cloud'
import { COLLECTIONS } from '../_kit/collections'
import { getJson, mpConfig, MpError, postJson, withToken, type MpConfig } from '../_kit/mp-api'
import { log } from '../_kit/log'
import { randomHex } from '../_kit/ids'

/**
 * The 服务号's followers with their UnionIDs, so the notify function can reach a mini-program user
 * who follows the 服务号 with a template message when they hold no subscription grant.
 *
 * The follower list comes from the 服务号's user API: `GET /cgi-bin/user/get` pages the followers'
 * OPENIDs 10,000 at a time (`next_openid` continues; an empty page ends), and
 * `POST /cgi-bin/user/info/batchget` answers up to 100 users' `unionid`, which WeChat gives only
 * when the 服务号 and the mini-program are bound to the same 开放平台 account
 * (developers.weixin.qq.com/doc/offiaccount/User_Management/Getting_a_User_List.html,
 * …/Get_users_basic_information_UnionID.html). A full listing rather than the follow events the
 * 服务号 can push: it needs no public server URL, and it also sees who stopped following.
 *
 * A listing may take several runs (a first listing of 100,000 followers is 1,000 batchget calls):
 * each run goes on from the saved cursor until its time budget is spent. Followers seen by this
 * listing are stamped with its run id; when the listing ends, those not seen are marked as no
 * longer following. A finished listing starts again after FULL_EVERY_MS.
 */

const BATCH = 100
/** The notice function's timeout is 60 s (config.json); stop taking new pages well before it. */
const BUDGET_MS = 40_000
const FULL_EVERY_MS = 2 * 60 * 60_000

interface UserList {
  total: number
  count: number
  data?: { openid?: string[] }
  next_openid?: string
}
interface UserInfo {
  subscribe: number
  openid: string
  unionid?: string
}
type SyncState = {
  running?: boolean
  runId?: string
  cursor?: string
  finishedAt?: Date
  seen?: number
  linked?: number
  withoutUnionid?: number
}

const stateRef = () => db().collection(COLLECTIONS.mpPull).doc('followers')
const followers = () => db().collection(COLLECTIONS.oaFollowers)

async function readState(): Promise<SyncState> {
  return stateRef()
    .get()
    .then(
      (r) => (r.data as SyncState | undefined) ?? {},
      () => ({}),
    )
}

const saveState = (state: SyncState) => stateRef().set({ data: state })

/** Stamps the followers already known by their 服务号 OPENID; answers the OPENIDs not known yet. */
async function stampKnown(openids: string[], runId: string, now: Date): Promise<string[]> {
  const _ = db().command
  const { data } = await followers()
    .where({ oaOpenid: _.in(openids) })
    .limit(openids.length)
    .get()
  const known = data as Array<{ _id: string; oaOpenid: string }>
  if (known.length)
    await followers()
      .where({ _id: _.in(known.map((f) => f._id)) })
      .update({ data: { following: true, syncRun: runId, syncedAt: now } })
  const seen = new Set(known.map((f) => f.oaOpenid))
  return openids.filter((o) => !seen.has(o))
}

async function recordNew(cfg: MpConfig, openids: string[], runId: string, now: Date): Promise<{ linked: number; withoutUnionid: number }> {
  const { user_info_list: users = [] } = await withToken(cfg, now, (token) =>
    postJson<{ user_info_list?: UserInfo[] }>(`${cfg.base}/cgi-bin/user/info/batchget?${token}`, {
      user_list: openids.map((openid) => ({ openid, lang: 'zh_CN' })),
    }),
  )
  let linked = 0
  for (const u of users) {
    if (!u.unionid) continue
    await followers()
      .doc(u.unionid)
      .set({ data: { oaOpenid: u.openid, following: u.subscribe === 1, syncRun: runId, syncedAt: now } })
    linked++
  }
  return { linked, withoutUnionid: users.length - linked }
}

/** The listing ended: whoever it did not see no longer follows. */
async function finish(state: SyncState, now: Date): Promise<Record<string, unknown>> {
  const _ = db().command
  const { stats } = await followers()
    .where({ following: true, syncRun: _.neq(state.runId) })
    .update({ data: { following: false, syncedAt: now } })
  const done: SyncState = { ...state, running: false, cursor: '', finishedAt: now }
  await saveState(done)
  return { ...done, unfollowed: stats.updated }
}

export async function syncFollowers(now: Date): Promise<Record<string, unknown>> {
  const cfg = mpConfig()
  if (!cfg) return { skipped: '未配置公众号（云函数环境变量 MP_APPID、MP_APPSECRET）' }
  const started = Date.now()
  const previous = await readState()
  if (!previous.running && previous.finishedAt && now.getTime() - new Date(previous.finishedAt).getTime() < FULL_EVERY_MS)
    return { skipped: '本轮关注者已同步', finishedAt: previous.finishedAt }
  let state: SyncState = previous.running
    ? previous
    : { running: true, runId: `${now.toISOString()}-${randomHex(6)}`, cursor: '', seen: 0, linked: 0, withoutUnionid: 0 }
  try {
    for (;;) {
      const page = await withToken(cfg, now, (token) =>
        getJson<UserList>(`${cfg.base}/cgi-bin/user/get?${token}&next_openid=${encodeURIComponent(state.cursor ?? '')}`),
      )
      const openids = page.data?.openid ?? []
      if (!openids.length || !page.next_openid) {
        if (openids.length) await recordPage(cfg, openids, state, now)
        return finish(state, now)
      }
      await recordPage(cfg, openids, state, now)
      state = { ...state, cursor: page.next_openid }
      await saveState(state)
      if (Date.now() - started > BUDGET_MS) return { ...state, more: true }
    }
  } catch (e) {
    log.error('notice.syncFollowers', e)
    await saveState(state).catch(() => undefined)
    return { error: e instanceof MpError ? `errcode ${e.errcode}` : '同步失败', kept: true }
  }
}

/** One page of OPENIDs: the known ones stamped, the others looked up 100 at a time. Counts go onto `state`. */
async function recordPage(cfg: MpConfig, openids: string[], state: SyncState, now: Date): Promise<void> {
  for (let i = 0; i < openids.length; i += BATCH) {
    const chunk = openids.slice(i, i + BATCH)
    const fresh = await stampKnown(chunk, state.runId ?? '', now)
    const got = fresh.length ? await recordNew(cfg, fresh, state.runId ?? '', now) : { linked: 0, withoutUnionid: 0 }
    state.seen = (state.seen ?? 0) + chunk.length
    state.linked = (state.linked ?? 0) + got.linked
    state.withoutUnionid = (state.withoutUnionid ?? 0) + got.withoutUnionid
  }
}
