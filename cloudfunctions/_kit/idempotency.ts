import { createHash } from 'node:crypto'
import { db } from './cloud'
import { COLLECTIONS } from './collections'
import { AppError } from './errors'
import { isDuplicate } from './outbox'

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

export const fingerprintOf = (input: Record<string, unknown>) => {
  const { requestId: _ignored, ...rest } = input
  return createHash('sha256').update(JSON.stringify(rest, Object.keys(rest).sort())).digest('hex').slice(0, 32)
}

/**
 * Runs a submit at most once per (scope, caller, requestId). The first call claims the request id
 * by inserting a record (a unique `_id`, so concurrent replays meet there); it stores the answer,
 * success or refusal, and every replay answers the same. An unexpected error removes the claim so
 * a retry can try again. A replay with different content is refused: a request id names one submit.
 */
export async function once<T>(scope: string, openid: string, requestId: string, fingerprint: string, work: () => Promise<T>): Promise<T> {
  const id = `${scope}:${openid}:${requestId}`
  const requests = db().collection(COLLECTIONS.requests)
  try {
    await requests.add({ data: { _id: id, fingerprint, status: 'pending', createdAt: db().serverDate() } })
  } catch (e) {
    if (!isDuplicate(e)) throw e
    return replay<T>(id, fingerprint)
  }
  try {
    const result = await work()
    await requests.doc(id).update({ data: { status: 'done', result } })
    return result
  } catch (e) {
    if (e instanceof AppError) {
      await requests.doc(id).update({ data: { status: 'failed', error: { code: e.code, message: e.message, issues: e.issues ?? [] } } })
    } else {
      await requests.doc(id).remove().catch(() => undefined)
    }
    throw e
  }
}

async function replay<T>(id: string, fingerprint: string): Promise<T> {
  // The first submit usually finishes within a second; wait for it rather than answer "busy".
  for (let attempt = 0; attempt < 50; attempt++) {
    const { data } = await db().collection(COLLECTIONS.requests).where({ _id: id }).limit(1).get()
    const record = data[0]
    if (!record) throw new AppError('CONFLICT', '上一次提交未完成，请重新提交')
    if (record.fingerprint !== fingerprint) throw new AppError('CONFLICT', '该请求编号已用于另一次提交')
    if (record.status === 'done') return record.result as T
    if (record.status === 'failed') throw new AppError(record.error.code, record.error.message, record.error.issues?.length ? record.error.issues : undefined)
    await sleep(100 + attempt * 20)
  }
  throw new AppError('CONFLICT', '上一次提交仍在处理中，请稍后在“我的预约”查看')
}
