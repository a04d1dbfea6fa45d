import type { Locator, Page } from 'playwright-core'
import { caseContract } from '../../../types/contracts'
import { dataOf, invokeApi } from '../../support/calls'
import { PASSPORT_FEE, passportForm, profile } from '../../support/case'
import { STAFF } from '../../support/demo'
import { jpeg } from '../../support/files'
import { newRequestId } from '../../support/people'
import { confirmLabel } from '../../../src/utils/labels'
import { shown, type E2EApp } from './app'

/** A passport case of `openid` approved (办结) by 王芳 through the real case actions, for pages about finished cases: its id. */
/** A passport case of `openid` accepted and in process through the real actions (staff: the demo's 出入境 window). */
export async function passportCaseInProcess(app: E2EApp, openid: string, seq: number): Promise<string> {
  const cases = invokeApi(app.cloud, caseContract)
  const { caseId } = dataOf(
    await cases(
      { action: 'createDraft', matterId: 'm-passport', applicant: profile(seq), form: passportForm(), requestId: newRequestId() },
      openid,
    ),
  )
  const photo = { fileName: 'scan.jpg', contentType: 'image/jpeg' as const, dataBase64: jpeg(64, seq).toString('base64') }
  dataOf(await cases({ action: 'uploadMaterial', caseId, materialIndex: 0, ...photo }, openid))
  dataOf(await cases({ action: 'act', caseId, transition: 'submit' }, openid))
  for (const transition of ['startPreReview', 'accept', 'startProcessing'] as const)
    dataOf(await cases({ action: 'act', caseId, transition }, STAFF))
  return caseId
}

export async function approvedPassportCase(app: E2EApp, openid: string, seq: number): Promise<string> {
  const caseId = await passportCaseInProcess(app, openid, seq)
  dataOf(await invokeApi(app.cloud, caseContract)({ action: 'act', caseId, transition: 'approve', fee: PASSPORT_FEE }, STAFF))
  return caseId
}

/** Staff: one transition of the case page, from its action button through its panel's confirm button. */
export async function staffAct(page: Page, label: string, fill?: () => Promise<void>) {
  const view = shown(page)
  await view.locator('.staff-case__actions').getByText(label, { exact: true }).click()
  await view.locator('.case-act').waitFor()
  await fill?.()
  await view.locator('.case-act').getByText(confirmLabel(label), { exact: true }).click()
  await view.locator('.case-act').waitFor({ state: 'detached' })
}

/** The citizen: the applicant (张伟) and the passport form of 普通护照签发 filled in, on the open application page. */
export async function fillPassportApplication(form: Locator, idNumber: string) {
  await form.locator('.form-field--app-name input').waitFor()
  await form.locator('.form-field--app-name input').fill('张伟')
  await form.locator('.form-field--app-idNumber input').fill(idNumber)
  await form.locator('.form-field--app-phone input').fill('13912345678')
  await form.locator('.choice-chips--f-applyType').getByText('首次申领', { exact: true }).click()
  await form.locator('.choice-chips--f-purpose').getByText('旅游', { exact: true }).click()
  await form.locator('.form-field--f-destination input').fill('泰国')
  await form.locator('.form-field--f-birthPlace input').fill('山西省运城市')
  await form.locator('.form-field--f-emergencyContact input').fill('张建国')
  await form.locator('.form-field--f-emergencyPhone input').fill('13800001111')
}
