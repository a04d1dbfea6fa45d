import { RATING_KIND_LABELS, RATING_LEVEL_LABELS } from '../../types/domain/rating'
import { COLLECTIONS } from '../_kit/collections'
import { insertOnce } from '../_kit/db'
import { iso, ratings, type RatingDoc } from './ratings'

/**
 * The province reporting outbox (山西省"好差评"系统 requires 实时全量上报). Each rating becomes one
 * document in `rating_reports` under the rating's own id, so writing it again is harmless; a
 * connector (not built yet) sends the `pending` ones and marks them. The fields follow our best
 * reading of the national 好差评 data standard (the names of GB/T 39734-2020 and the provincial
 * interface):
 *
 * | field | standard item | here |
 * | pjbh | 评价编号 | the rating's id |
 * | sxbm / sxmc | 事项编码 / 事项名称 | the catalogue's matter id and name (an inquiry without a matter: empty) |
 * | bjbh | 办件编号 | the case number; a hall ticket's number; empty for an inquiry |
 * | pjdx | 评价对象 | 办件 / 窗口服务 / 咨询 |
 * | pjqd | 评价渠道 | 1 网上（小程序一事一评）, 2 现场（窗口一次一评） |
 * | pjdj / pjdjmc | 评价等级 | 5 非常满意 … 1 非常不满意 |
 * | pjbq | 评价标签（测评指标） | the tags as the rater chose them |
 * | wzpj | 文字评价 | the rater's text |
 * | sfmrpj | 是否默认评价 | 1 when recorded by default after the window closed |
 * | pjsj | 评价时间 | ISO instant |
 * | blbm / blbmmc | 办理部门 | the department's id and name |
 * | ckbh / gzrygh | 窗口编号 / 工作人员工号 | the window and staff number of a hall service |
 * | bjsj | 办结时间 | when the service ended |
 *
 * The rater's real-name data (姓名、证件号码、手机号) is not copied: the connector adds what the
 * province requires from the case itself, so this outbox never holds more personal data than needed.
 */
export function reportOf(d: RatingDoc) {
  return {
    _id: d._id,
    status: 'pending' as const,
    createdAt: new Date(),
    pjbh: d._id,
    sxbm: d.matterId ?? '',
    sxmc: d.objectKind === 'inquiry' ? '' : d.title,
    bjbh: d.objectKind === 'inquiry' ? '' : (d.reference ?? d.objectId),
    pjdx: RATING_KIND_LABELS[d.objectKind],
    pjqd: d.channel === 'online' ? '1' : '2',
    pjdj: d.score,
    pjdjmc: RATING_LEVEL_LABELS[d.level],
    pjbq: d.tags,
    wzpj: d.text,
    sfmrpj: d.isDefault ? '1' : '0',
    pjsj: iso(d.ratedAt),
    blbm: d.departmentId,
    blbmmc: d.departmentName,
    ckbh: d.windowId ?? '',
    gzrygh: d.servedBy ?? '',
    bjsj: iso(d.finishedAt),
  }
}

/** Writes the report of a rating (once) and marks the rating reported. */
export async function writeReport(d: RatingDoc): Promise<void> {
  await insertOnce(COLLECTIONS.ratingReports, reportOf(d))
  await ratings()
    .where({ _id: d._id })
    .update({ data: { reported: true } })
}
