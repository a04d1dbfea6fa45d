/**
 * 我的信息与材料: the citizen deletes what the app keeps of them. The profile goes; a library
 * material goes, and its stored file too unless one of their applications still uses it. Nobody
 * can delete another's.
 */
import { accountContract } from '../../types/contracts'
import { A, B, caseClient, jpeg, PASSPORT, passportForm, profile } from '../support/case'
import { codeOf, dataOf } from '../support/calls'
import { startDemoCloud } from '../support/demo'
import { cloudForFile, kitFor } from '../support/for-file'
import { newRequestId } from '../support/people'

const t = cloudForFile(() => startDemoCloud(['account', 'case']))
const c = kitFor(() => caseClient(t))
const account = () => t.api(accountContract)
const fileExists = async (fileId: string) => !!(await t.sdk.getTempFileURL({ fileList: [fileId] })).fileList[0].tempFileURL

describe('deleting what the app keeps', () => {
  it('when the citizen deletes the profile, then it is gone for them and untouched for others', async () => {
    dataOf(await account()({ action: 'saveProfile', ...profile(1) }, A))
    dataOf(await account()({ action: 'saveProfile', ...profile(2) }, B))
    expect(dataOf(await account()({ action: 'deleteProfile' }, A))).toEqual({ deleted: true })
    expect(dataOf(await account()({ action: 'getProfile' }, A)).profile).toBeNull()
    expect(dataOf(await account()({ action: 'getProfile' }, B)).profile).toMatchObject({ name: profile(2).name })
    expect(dataOf(await account()({ action: 'deleteProfile' }, A))).toEqual({ deleted: false })
  })

  it('when a material no application uses is deleted, then the file goes too; one an application uses stays for it', async () => {
    // One upload stays in a draft; another is removed from its draft, so only the library has it.
    const used = await c.readyDraft(A, 41)
    const [usedItem] = dataOf(await c.call({ action: 'myMaterials' }, A)).items
    expect(usedItem).toBeDefined()
    const lone = dataOf(
      await c.call(
        { action: 'createDraft', matterId: PASSPORT, applicant: profile(42), form: passportForm(), requestId: newRequestId() },
        A,
      ),
    ).caseId
    const up = dataOf(await c.upload(lone, 0, jpeg(64, 142), A))
    dataOf(await c.call({ action: 'removeMaterial', caseId: lone, materialIndex: 0, libraryId: up.libraryId }, A))
    const loneDoc = (await t.db.collection('materials').doc(up.libraryId).get()).data
    const usedDoc = (await t.db.collection('materials').doc(usedItem.libraryId).get()).data

    expect(codeOf(await c.call({ action: 'deleteMaterial', libraryId: up.libraryId }, B))).toBe('NOT_FOUND')
    expect(dataOf(await c.call({ action: 'deleteMaterial', libraryId: up.libraryId }, A))).toEqual({
      libraryId: up.libraryId,
      fileDeleted: true,
    })
    expect(await fileExists(loneDoc.fileId)).toBe(false)

    expect(dataOf(await c.call({ action: 'deleteMaterial', libraryId: usedItem.libraryId }, A))).toMatchObject({ fileDeleted: false })
    expect(await fileExists(usedDoc.fileId)).toBe(true)
    const ids = dataOf(await c.call({ action: 'myMaterials' }, A)).items.map((i) => i.libraryId)
    expect(ids).not.toContain(up.libraryId)
    expect(ids).not.toContain(usedItem.libraryId)
    // The application keeps its file.
    expect(dataOf(await c.getCase(used, A)).materials[0].files).toHaveLength(1)
  })
})
