import type { RatingInput } from '../../../types/contracts/rating'
import { ratio } from '../../../types/domain/rating'
import { ratings, type RatingDoc } from '../ratings'

const PAGE = 1000
const TOP_TAGS = 5

interface Row {
  departmentId: string
  departmentName: string
  windowId?: string
  docs: RatingDoc[]
}

/**
 * One row of figures. 主动评价率 is active over all; 好评率 and 差评率 count active ratings only, so
 * the defaults (基本满意 recorded for silence) cannot swamp them; a 差评 the office found to be
 * 误评/恶意差评 is left out of both.
 */
function figures({ departmentId, departmentName, windowId, docs }: Row) {
  const active = docs.filter((d) => !d.isDefault)
  const invalid = active.filter((d) => d.loop?.state === 'invalid')
  const valid = active.filter((d) => d.loop?.state !== 'invalid')
  const bad = valid.filter((d) => d.bad)
  const tags = new Map<string, number>()
  for (const d of valid) for (const t of d.tags) tags.set(t, (tags.get(t) ?? 0) + 1)
  return {
    departmentId,
    departmentName,
    ...(windowId ? { windowId } : {}),
    ratings: docs.length,
    active: active.length,
    defaults: docs.length - active.length,
    activeRate: ratio(active.length, docs.length),
    goodRate: ratio(valid.length - bad.length, valid.length),
    badRate: ratio(bad.length, valid.length),
    bad: bad.length,
    badHandledOnTime: bad.filter((d) => d.loop?.repliedInTime === true).length,
    badOpen: bad.filter((d) => d.loopOpen).length,
    invalid: invalid.length,
    averageScore: valid.length ? Math.round((valid.reduce((s, d) => s + d.score, 0) / valid.length) * 100) / 100 : 0,
    topTags: [...tags.entries()]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, TOP_TAGS)
      .map(([tag, count]) => ({ tag, count })),
  }
}

/** The month's figures per department and per hall window; no staff names or numbers, no raters. */
export async function stats(input: RatingInput<'stats'>) {
  const where = { month: input.month, ...(input.departmentId ? { departmentId: input.departmentId } : {}) }
  const docs: RatingDoc[] = []
  for (let skip = 0; ; skip += PAGE) {
    const { data } = await ratings()
      .where(where)
      .field({ openid: false, text: false, timeline: false, followUp: false, servedBy: false })
      .orderBy('_id', 'asc')
      .skip(skip)
      .limit(PAGE)
      .get()
    docs.push(...data)
    if (data.length < PAGE) break
  }
  const group = (key: (d: RatingDoc) => string | undefined) => {
    const rows = new Map<string, Row>()
    for (const d of docs) {
      const k = key(d)
      if (!k) continue
      const row = rows.get(k) ?? {
        departmentId: d.departmentId,
        departmentName: d.departmentName,
        ...(d.windowId && k.includes('|') ? { windowId: d.windowId } : {}),
        docs: [],
      }
      row.docs.push(d)
      rows.set(k, row)
    }
    return [...rows.values()].sort((a, b) => b.docs.length - a.docs.length || a.departmentId.localeCompare(b.departmentId)).map(figures)
  }
  return {
    month: input.month,
    departments: group((d) => d.departmentId),
    windows: group((d) => (d.windowId ? `${d.departmentId}|${d.windowId}` : undefined)),
  }
}
