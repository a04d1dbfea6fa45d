import type { MatterPrediction } from '../../types/domain/prediction'
import { db } from './cloud'
import { COLLECTIONS } from './collections'

/** A prediction as stored (catalog/predictions.ts); a group below the minimum sample has no figures. */
export interface PredictionDoc {
  _id: string
  matterId: string
  departmentId: string
  sample: number
  typicalDays?: number
  mostDays?: number
  run: string
  computedAt: Date
}

export const predictionId = (matterId: string, departmentId: string) => `${matterId}:${departmentId}`

/** The published figures for a matter as one department decides it; none when too few cases finished. */
export async function predictionFor(matterId: string, departmentId: string): Promise<MatterPrediction | undefined> {
  const { data } = await db()
    .collection(COLLECTIONS.matterPredictions)
    .where({ _id: predictionId(matterId, departmentId) })
    .limit(1)
    .get()
  const d = data[0] as PredictionDoc | undefined
  return d?.typicalDays !== undefined && d.mostDays !== undefined
    ? { typicalDays: d.typicalDays, mostDays: d.mostDays, sample: d.sample }
    : undefined
}
