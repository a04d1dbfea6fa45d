import { historyDocuments } from '../../local/seed/history'
import { processingDays, summarise, windowStart } from '../../types/domain/prediction'
import { builtInCalendar as cal } from '../../types/domain/working-days'
import type { Pause } from '../../types/domain/deadline'

type Doc = { matterId: string; acceptedOn: string; decidedOn: string; dueDate: string; pauses: Pause[]; caseNo: string; _id: string }

describe('the demo history', () => {
  const now = new Date('2026-12-01T02:00:00Z')
  const docs = historyDocuments(now, cal) as unknown as Doc[]

  it('when the demo starts, then the common matters have enough finished cases in the window for a prediction, within their promise', () => {
    const byMatter = new Map<string, number[]>()
    for (const d of docs) {
      expect(d.decidedOn >= windowStart('2026-12-01') && d.decidedOn <= '2026-12-01').toBe(true)
      expect(d.decidedOn <= d.dueDate).toBe(true)
      byMatter.set(d.matterId, [...(byMatter.get(d.matterId) ?? []), processingDays(d, cal)])
    }
    for (const id of ['m-passport', 'm-hk-macao-permit', 'm-company-register', 'm-food-business-license', 'm-property-transfer'])
      expect(summarise(byMatter.get(id) ?? [])).toBeDefined()
    expect(summarise(byMatter.get('m-id-card-apply') ?? [])).toBeUndefined()
  })

  it('when it is generated twice on one day, then it is the same, with unique ids and case numbers', () => {
    expect(historyDocuments(now, cal)).toEqual(historyDocuments(now, cal))
    expect(new Set(docs.map((d) => d._id)).size).toBe(docs.length)
    expect(new Set(docs.map((d) => d.caseNo)).size).toBe(docs.length)
  })
})
