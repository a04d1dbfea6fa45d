import { createHash } from 'node:crypto'
import type { NoticeInput } from '../../../types/contracts/notice'
import { getMatterDoc } from '../../_kit/catalog'
import { db } from '../../_kit/cloud'
import { COLLECTIONS } from '../../_kit/collections'
import { AppError } from '../../_kit/errors'
import type { ActionContext } from '../../_kit/handler'
import { fieldsOf, loadForOffice, loadNotice, toStaffSummary, writeWithChange, type NoticeDoc } from '../notices'
import { assertOwnFiles } from './files'

const invalid = (path: string, message: string) => new AppError('INVALID_INPUT', message, [{ path, message }])

export async function adminList(input: NoticeInput<'adminList'>, ctx: ActionContext) {
  const { data } = await db()
    .collection(COLLECTIONS.notices)
    .where(input.state ? { state: input.state } : {})
    .orderBy('updatedAt', 'desc')
    .limit(100)
    .get()
  return { items: (data as NoticeDoc[]).map((d) => toStaffSummary(d, ctx.now)) }
}

/** The id a new notice gets from its creator and request: a replayed create writes the same document, once. */
const newNoticeId = (openid: string, requestId: string) =>
  `nt-${createHash('sha256').update(`notice:${openid}:${requestId}`).digest('hex').slice(0, 20)}`

const answer = (d: NoticeDoc) => ({ noticeId: d._id, version: d.version, state: d.state })

export async function save(input: NoticeInput<'save'>, ctx: ActionContext) {
  const caller = await ctx.caller()
  const { draft } = input
  const matterName = draft.matterId
    ? await getMatterDoc(draft.matterId).then(
        (m) => m.name,
        () => {
          throw invalid('draft.matterId', '未找到该事项')
        },
      )
    : undefined
  assertOwnFiles(draft)
  const fields = fieldsOf(draft, matterName)

  if (!input.noticeId) {
    const noticeId = newNoticeId(caller.openid, input.requestId)
    const existing = await loadNotice(noticeId)
    if (existing) return answer(existing)
    const doc: NoticeDoc = {
      _id: noticeId,
      ...fields,
      state: 'draft',
      version: 1,
      createdAt: ctx.now,
      createdBy: caller.openid,
      updatedAt: ctx.now,
    }
    try {
      await writeWithChange(doc, undefined, { kind: 'created', at: ctx.now, caller })
    } catch (e) {
      // Two copies of the same submit at once: the other one wrote it.
      const won = e instanceof AppError && e.code === 'CONFLICT' ? await loadNotice(noticeId) : undefined
      if (won) return answer(won)
      throw e
    }
    return answer(doc)
  }

  if (input.version === undefined) throw invalid('version', '修改公告须带版本号')
  const current = await loadForOffice(input.noticeId)
  const next: NoticeDoc = {
    _id: current._id,
    ...fields,
    // A published notice keeps the time it first showed unless staff set one.
    ...(!fields.publishAt && current.state !== 'draft' && current.publishAt ? { publishAt: current.publishAt } : {}),
    state: current.state,
    version: current.version + 1,
    createdAt: current.createdAt,
    createdBy: current.createdBy,
    updatedAt: ctx.now,
    ...(current.publishedAt ? { publishedAt: current.publishedAt } : {}),
    ...(current.withdrawnAt ? { withdrawnAt: current.withdrawnAt } : {}),
  }
  await writeWithChange(next, input.version, { kind: 'edited', at: ctx.now, caller })
  return answer(next)
}

export async function publish(input: NoticeInput<'publish'>, ctx: ActionContext) {
  const caller = await ctx.caller()
  const current = await loadForOffice(input.noticeId)
  if (current.state === 'published') throw new AppError('CONFLICT', '该公告已发布')
  if (current.expireAt && new Date(current.expireAt) <= ctx.now) throw invalid('expireAt', '截止时间已过，请修改后再发布')
  // A draft shows from the time staff set, else from now; a withdrawn one shows again from now.
  const { withdrawnAt: _gone, ...rest } = current
  void _gone
  const next: NoticeDoc = {
    ...rest,
    state: 'published',
    publishAt: current.state === 'draft' && current.publishAt ? current.publishAt : ctx.now,
    publishedAt: ctx.now,
    version: current.version + 1,
    updatedAt: ctx.now,
  }
  await writeWithChange(next, input.version, { kind: 'published', at: ctx.now, caller })
  return answer(next)
}

export async function withdraw(input: NoticeInput<'withdraw'>, ctx: ActionContext) {
  const caller = await ctx.caller()
  const current = await loadForOffice(input.noticeId)
  if (current.state !== 'published') throw new AppError('CONFLICT', '只有已发布的公告可以撤回')
  const next: NoticeDoc = { ...current, state: 'withdrawn', withdrawnAt: ctx.now, version: current.version + 1, updatedAt: ctx.now }
  await writeWithChange(next, input.version, { kind: 'withdrawn', at: ctx.now, caller, reason: input.reason })
  return answer(next)
}
