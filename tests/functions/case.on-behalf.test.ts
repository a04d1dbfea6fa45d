/**
 * 代家人申请: a son applies with his own WeChat for his father (the applicant block is the father's),
 * the relation is recorded and shown to him and to the window, and the father follows the case
 * with his own WeChat through the share code.
 */
import { A, B, caseClient, jpeg, PASSPORT, passportForm, profile, STAFF } from '../support/case'
import { codeOf, dataOf } from '../support/calls'
import { startDemoCloud } from '../support/demo'
import { cloudForFile, kitFor } from '../support/for-file'
import { newRequestId } from '../support/people'

const t = cloudForFile(() => startDemoCloud(['case']))
const c = kitFor(() => caseClient(t))
const FATHER = B

describe('applying for a family member', () => {
  it('when the son applies for his father, then the relation is kept, staff see it, and the father follows the case with his own WeChat', async () => {
    const { caseId } = dataOf(
      await c.call(
        {
          action: 'createDraft',
          matterId: PASSPORT,
          applicant: profile(61),
          form: passportForm(),
          relation: '父亲',
          requestId: newRequestId(),
        },
        A,
      ),
    )
    dataOf(await c.upload(caseId, 0, jpeg(64, 161), A))
    dataOf(await c.act(caseId, 'submit', A))
    expect(dataOf(await c.getCase(caseId, A)).onBehalf).toEqual({ relation: '父亲' })
    expect(dataOf(await c.getCase(caseId, STAFF))).toMatchObject({ onBehalf: { relation: '父亲' }, applicant: { name: profile(61).name } })

    const { code } = dataOf(await c.call({ action: 'createFollowInvite', caseId }, A))
    dataOf(await c.call({ action: 'acceptFollowInvite', code }, FATHER))
    expect(dataOf(await c.call({ action: 'followedCase', caseId }, FATHER))).toMatchObject({ caseId, state: 'submitted' })
  })

  it('when the draft is saved with an empty relation, then it is for the holder again; a relation too long changes nothing', async () => {
    const { caseId } = dataOf(
      await c.call(
        {
          action: 'createDraft',
          matterId: PASSPORT,
          applicant: profile(62),
          form: passportForm(),
          relation: '母亲',
          requestId: newRequestId(),
        },
        A,
      ),
    )
    expect(codeOf(await c.call({ action: 'saveDraft', caseId, relation: '一二三四五六七八九十十一' }, A))).toBe('INVALID_INPUT')
    expect(dataOf(await c.getCase(caseId, A)).onBehalf).toEqual({ relation: '母亲' })
    dataOf(await c.call({ action: 'saveDraft', caseId, relation: '' }, A))
    expect(dataOf(await c.getCase(caseId, A)).onBehalf).toBeUndefined()
  })
})
