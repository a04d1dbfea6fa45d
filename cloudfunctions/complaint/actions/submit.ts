import type { ComplaintInput } from '../../../types/contracts/complaint'
import { decideDueDate } from '../../../types/domain/complaint'
import { getWindow } from '../../_kit/catalog'
import { AppError } from '../../_kit/errors'
import type { ActionContext } from '../../_kit/handler'
import { fingerprintOf, once } from '../../_kit/idempotency'
import { randomHex } from '../../_kit/ids'
import { isDuplicate } from '../../_kit/db'
import { workCalendar } from '../../_kit/work-calendar'
import { complaintPolicy, complaints, newTracking, passwordHashOf, passwordOf, today, type ComplaintDoc } from '../complaints'
import { ownPhotos } from '../photos'

/**
 * A complaint is written once per request id; the office must decide within the policy's working
 * days. A window complained about must exist (a typo there would send the complaint nowhere).
 * The password of an anonymous complaint is not part of the recorded answer: it is derived again
 * after `once`, so the requests collection never holds it. Photos must be the caller's own,
 * stored by addPhoto or attachPhoto (photos.ts).
 */
export async function submit(input: ComplaintInput<'submit'>, ctx: ActionContext) {
  const { openid } = await ctx.caller()
  if (!openid) throw new AppError('UNAUTHENTICATED', '请先登录')
  const photos = ownPhotos(input.photos, openid)
  const first = await once('complaint.submit', openid, input.requestId, fingerprintOf({ ...input }), async () => {
    if (input.about.kind === 'window' && input.about.windowId) {
      const w = await getWindow(input.about.windowId).catch(() => undefined)
      if (!w) throw new AppError('INVALID_INPUT', '未找到该窗口', [{ path: 'about.windowId', message: '未找到该窗口' }])
    }
    const policy = await complaintPolicy()
    const decideDue = decideDueDate(today(ctx.now), policy, workCalendar())
    for (let attempt = 0; ; attempt++) {
      const _id = `cp-${randomHex(20)}`
      const trackingNo = newTracking()
      const doc: ComplaintDoc = {
        _id,
        trackingNo,
        openid,
        anonymous: input.anonymous,
        ...(!input.anonymous && input.contactPhone ? { contactPhone: input.contactPhone } : {}),
        ...(input.anonymous ? { passwordHash: passwordHashOf(trackingNo, passwordOf(_id)) } : {}),
        about: input.about,
        text: input.text,
        ...(photos.length ? { photos } : {}),
        state: 'submitted',
        open: true,
        dueDate: decideDue,
        submittedAt: ctx.now,
        decideDue,
        rev: 0,
        updatedAt: ctx.now,
      }
      try {
        await complaints().add({ data: doc })
      } catch (e) {
        // A tracking number already taken (the unique index): draw another.
        if (isDuplicate(e) && attempt < 3) continue
        throw e
      }
      return { complaintId: _id, trackingNo, state: doc.state, decideDue, anonymous: doc.anonymous }
    }
  })
  return {
    trackingNo: first.trackingNo,
    state: first.state,
    decideDue: first.decideDue,
    ...(first.anonymous ? { password: passwordOf(first.complaintId) } : {}),
  }
}
