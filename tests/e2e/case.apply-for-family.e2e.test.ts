/**
 * 代家人申请 in a browser: a son applies for his father's passport with his own WeChat. Switching
 * on 为家人申请 clears his own prefilled details, asks how they are related, and the submitted
 * case says it was made for his father and offers to share it with him. Then the son deletes his
 * saved profile in 我的信息与材料. The server clock is Monday 2026-09-28 09:00 Beijing time.
 */
import { accountContract } from '../../types/contracts'
import { pageUrl, ROUTES } from '../../types/routes'
import { dataOf, invokeApi } from '../support/calls'
import { idNumberFor } from '../support/people'
import { answerModal, appForFile, go, screenshotsAtPhoneWidths, shown, waitForText } from './support/app'
import { fillPassportApplication } from './support/case-pages'

const SON = 'demo-citizen-a'
const FATHER_ID = idNumberFor(4321)
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64')
const app = appForFile()

describe('applying for a family member, and what the app keeps', () => {
  beforeAll(async () => {
    dataOf(
      await invokeApi(app.cloud, accountContract)(
        { action: 'saveProfile', name: '张小明', idNumber: idNumberFor(1111), phone: '13700001111' },
        SON,
      ),
    )
  })

  it('when the son switches on 为家人申请, then his own details are cleared, the relation is asked, and the case is marked for his father', async () => {
    const { page } = await app.open(SON)
    await go(page, app, pageUrl(ROUTES.caseApply, { matterId: 'm-passport' }))
    const form = shown(page)
    const name = form.locator('.form-field--app-name input')
    await name.waitFor()
    // Prefilled from his own 常用信息.
    for (let i = 0; i < 50 && (await name.inputValue()) !== '张小明'; i++) await page.waitForTimeout(100)
    expect(await name.inputValue()).toBe('张小明')
    await form.locator('.switch-row--for-family .switch-row__switch').click()
    expect(await name.inputValue()).toBe('')
    await fillPassportApplication(form, FATHER_ID)

    // Without the relation the page says what is missing.
    await form.getByText('下一步：核对并提交', { exact: true }).click()
    await form.getByText('请填写申请人是您的什么人，如：父亲').waitFor()
    await form.locator('.form-field--app-relation input').fill('父亲')

    const chooser = page.waitForEvent('filechooser')
    await form.locator('.case-material--0 .case-material__upload').click()
    await (await chooser).setFiles({ name: 'id-card.png', mimeType: 'image/png', buffer: PNG })
    await waitForText(form.locator('.case-material--0 .case-file__name'), '✓ id-card.png')
    await screenshotsAtPhoneWidths(page, 'case-for-family-apply', () => shown(page).locator('.switch-row--for-family').waitFor())

    await shown(page).getByText('下一步：核对并提交', { exact: true }).click()
    const confirm = shown(page).locator('.case-confirm')
    await confirm.getByText('申请人是您的父亲').waitFor()
    await confirm.getByText('确认提交申请', { exact: true }).click()

    const detail = shown(page).locator('.case-detail')
    await detail.getByText('代家人申请：申请人张伟是您的父亲').waitFor()
    await detail.getByText('分享给父亲查看').waitFor()
    await screenshotsAtPhoneWidths(page, 'case-for-family-detail', () => shown(page).getByText('分享给父亲查看').waitFor())
  })

  it('when the son opens 我的信息与材料 and deletes his saved details, then they are gone and the material stays listed', async () => {
    const { page } = await app.open(SON)
    await go(page, app, pageUrl(ROUTES.caseMyData))
    const view = shown(page).locator('.my-data')
    await view.getByText('张小明').waitFor()
    await view.getByText('我的材料（1份）').waitFor()
    await screenshotsAtPhoneWidths(page, 'my-data', () => shown(page).locator('.my-data').getByText('张小明').waitFor())
    await shown(page).locator('.my-data').getByText('删除常用信息', { exact: true }).click()
    await answerModal(page, '删除后，预约和申请时需要重新填写')
    await shown(page).locator('.my-data').getByText('没有保存常用信息', { exact: false }).waitFor()
    expect(dataOf(await invokeApi(app.cloud, accountContract)({ action: 'getProfile' }, SON)).profile).toBeNull()
  })
})
