import { COMPLAINT_RATING_LABELS, COMPLAINT_RATING_LEVELS, complaintTitle } from '../../types/domain/complaint'
import { centreOffice } from '../../types/domain/inquiry'
import { redact } from '../../types/domain/masking'
import { channelOf, isBad, monthOf, RATING_SCORES } from '../../types/domain/rating'
import { allDepartments } from '../_kit/catalog'
import { insertOnce } from '../_kit/db'
import { log } from '../_kit/log'
import { ratingIdOf, ratings, today, type RatedObject, type RatingDoc } from './ratings'
import { writeReport } from './report'

/**
 * 投诉答复 in 好差评: the complainant's rating of a complaint's answer (满意/基本满意/不满意, rated on
 * the complaint itself) counts for whoever answered — the department the complaint was
 * transferred to, else the centre office. The invite sweep reads rated complaints from its own
 * watermark and records one rating per complaint under a fixed id, so a sweep cut short and run
 * again writes nothing twice; the report follows, and the report sweep finishes it after a crash.
 *
 * The rating has no rater (`openid` empty): the rating collection is read by staff-facing
 * figures and copied to the province, and an OPENID there would tie a person to a complaint that
 * may be anonymous — the very link anonymity hides. Nobody needs it: the complainant sees their
 * rating on the complaint, and one rating per complaint needs no rater to be unique. No
 * 差评 loop starts from a 不满意 (it counts as a 差评 in the figures): the complaint itself was the
 * loop of call-back, rectification and reply. No default rating either: an unrated answer is not
 * a silent 基本满意 of a service.
 */

/* eslint-disable @typescript-eslint/no-explicit-any -- a document of the complaint function's collection, read field by field */
export async function complaintObject(c: any): Promise<RatedObject> {
  const office = c.departmentId ? undefined : centreOffice(await allDepartments())
  return {
    objectKind: 'complaint',
    objectId: c._id,
    channel: channelOf('complaint'),
    openid: '',
    title: complaintTitle(c.about),
    departmentId: c.departmentId ?? office?.id ?? '',
    departmentName: c.departmentName ?? office?.name ?? '',
    finishedAt: new Date(c.resolvedAt ?? c.ratedAt),
  }
}

export async function recordComplaintRating(o: RatedObject, c: any): Promise<boolean> {
  if (!o.departmentId) {
    log.error('rating.complaint', new Error('no department answered the complaint and no centre office is in the catalogue'))
    return false
  }
  const level = COMPLAINT_RATING_LEVELS[c.rating.rating as keyof typeof COMPLAINT_RATING_LEVELS]
  const ratedAt = new Date(c.rating.at)
  const doc: RatingDoc = {
    _id: ratingIdOf('complaint', o.objectId, ''),
    ...o,
    level,
    score: RATING_SCORES[level],
    tags: [],
    text: redact(String(c.rating.comment ?? '')),
    isDefault: false,
    bad: isBad(level),
    ratedAt,
    month: monthOf(today(ratedAt)),
    loopOpen: false,
    timeline: [
      {
        kind: 'rated',
        at: ratedAt,
        label: `投诉人评价答复：${COMPLAINT_RATING_LABELS[c.rating.rating as keyof typeof COMPLAINT_RATING_LABELS]}`,
      },
    ],
    reported: false,
    rev: 0,
  }
  const fresh = await insertOnce(ratings(), doc)
  if (fresh) await writeReport(doc)
  return fresh
}
/* eslint-enable @typescript-eslint/no-explicit-any */
