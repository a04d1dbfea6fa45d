import { ok, type Result } from '../../../../types/result'
import { accountApi } from '../../../services/api/account'
import { caseApi } from '../../../services/api/case'
import { startOfCase, startOfMatter, type Start } from './application'

/**
 * Where the application page opens: a saved case (a draft to finish or a 补正), or the matter's
 * form with my 常用信息, or, when I already started one for this matter, that draft.
 */
export async function loadApplication(matterId: string, caseId: string): Promise<Result<Start>> {
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
