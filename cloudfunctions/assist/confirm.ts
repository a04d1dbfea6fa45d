import { AppError } from '../_kit/errors'
import { randomHex } from '../_kit/ids'
import { assists, type AssistDoc } from './assists'

/**
 * The citizen submits the application a helper prepared, from their own account: the case
 * function's createDraft calls this with the request's id before it writes the case. The request
 * is marked confirmed with the id the case will get (one conditional update: of two taps, one
 * wins), then the case is written under that id. Should the process die between the two writes,
 * the request names a case that does not exist yet, and the next createDraft for the request
 * writes it under the same id: one case per request, none lost. The request stays open (the
 * helper closes it once the case is under way).
 */
export async function confirmPrepared(
  assistId: string,
  openid: string,
  matterId: string,
  now: Date,
): Promise<{ caseId: string; prepared: AssistDoc['prepared'] }> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const { data } = await assists().where({ _id: assistId, openid }).limit(1).get()
    const doc = data[0]
    if (!doc) throw new AppError('NOT_FOUND', '未找到该帮办申请')
    if (doc.matterId !== matterId)
      throw new AppError('INVALID_INPUT', '帮办申请的事项与申请表不一致', [{ path: 'assistId', message: '事项不一致' }])
    if (doc.state === 'confirmed' && doc.caseId) return { caseId: doc.caseId, prepared: doc.prepared }
    if (doc.state !== 'drafted') throw new AppError('CONFLICT', '帮办员尚未代填申请，或申请已取消、已办结')
    const caseId = `cs-${randomHex(20)}`
    const { stats } = await assists()
      .where({ _id: doc._id, rev: doc.rev, state: 'drafted' })
      .update({
        data: {
          state: 'confirmed',
          caseId,
          history: [...doc.history, { kind: 'confirmed', at: now }],
          rev: doc.rev + 1,
          updatedAt: now,
        },
      })
    if (stats.updated === 1) return { caseId, prepared: doc.prepared }
  }
  throw new AppError('CONFLICT', '帮办申请已被更新，请刷新后重试')
}
