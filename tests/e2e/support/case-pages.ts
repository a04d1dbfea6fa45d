import type { Locator, Page } from 'playwright-core'
import { shown } from './app'

/** Staff: one transition of the case page, from its action button through its panel's confirm button. */
export async function staffAct(page: Page, label: string, fill?: () => Promise<void>) {
  const view = shown(page)
  await view.locator('.staff-case__actions').getByText(label, { exact: true }).click()
  await view.locator('.case-act').waitFor()
  await fill?.()
  await view.locator('.case-act').getByText(`确认${label}`, { exact: true }).click()
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
