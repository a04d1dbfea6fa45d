import { ok, type Result } from '../../../../types/result'
import { accountApi } from '../../../services/api/account'
import { assistApi } from '../../../services/api/assist'
import { caseApi } from '../../../services/api/case'
import { startOfCase, startOfMatter, type PreparedBy, type Start } from './application'

/**
 * The application a 帮办 helper prepared: its form values to start from, or, once the citizen
 * submitted it, the case it became.
 */
async function loadAssisted(assistId: string): Promise<Result<{ prepared?: PreparedBy; caseId?: string; matterId?: string }>> {
  const a = await assistApi.get({ assistId })
  if (!a.ok) return a
  const { prepared, owner, caseId, matterId } = a.data
  const helper = owner ? `${owner.name}（${owner.staffNo}）` : '帮办员'
  return ok({ caseId, matterId, prepared: prepared && { assistId, helper, note: prepared.note, form: prepared.form } })
}

/**
 * Where the application page opens: a saved case (a draft to finish or a 补正), or the matter's
 * form with my 常用信息, or, when I already started one for this matter, that draft.
 */
export async function loadApplication(matterId: string, caseId: string, assistId = ''): Promise<Result<Start>> {
  if (assistId) {
    const a = await loadAssisted(assistId)
    if (!a.ok) return a
    if (a.data.caseId) return loadApplication(matterId, a.data.caseId)
    const [f, p] = await Promise.all([caseApi.applicationForm({ matterId: a.data.matterId ?? matterId }), accountApi.getProfile()])
    if (!f.ok) return f
    return ok(startOfMatter(f.data, p.ok ? p.data.profile : null, a.data.prepared))
  }
  if (caseId) {
    const c = await caseApi.getCase({ caseId })
    return c.ok ? ok(startOfCase(c.data, false)) : c
  }
  const [f, p, drafts] = await Promise.all([
    caseApi.applicationForm({ matterId }),
    accountApi.getProfile(),
    caseApi.myCases({ state: 'draft' }),
  ])
  if (!f.ok) return f
  // One draft per matter: coming back to the matter resumes it instead of starting over.
  const earlier = drafts.ok ? drafts.data.cases.find((c) => c.matterId === f.data.matterId) : undefined
  if (earlier) {
    const c = await caseApi.getCase({ caseId: earlier.caseId })
    if (c.ok) return ok(startOfCase(c.data, true))
  }
  return ok(startOfMatter(f.data, p.ok ? p.data.profile : null))
}
