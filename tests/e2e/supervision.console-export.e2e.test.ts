/**
 * The supervision console in a browser: two passport cases are finished and a walk-in ticket is
 * served through the real functions, the console's fold runs, and the supervisor (效能监督) opens
 * the console, reads the figures, sees the trend chart drawn by F2 on its canvas, and exports the
 * monthly report; the test opens the downloaded .xlsx with exceljs and checks the 出入境 row.
 * The server clock is Monday 2026-11-02 10:00 Beijing time.
 */
import ExcelJS from 'exceljs'
import { readFileSync } from 'node:fs'
import type { Page } from 'playwright-core'
import cloud from 'wx-server-sdk'
import { installSdkEnv } from '../../local'
import { queueContract } from '../../types/contracts'
import { pageUrl, ROUTES } from '../../types/routes'
import type { TestDatabase } from '../support/cloud'
import { dataOf, invokeApi } from '../support/calls'
import { LEAD, SUPERVISOR } from '../support/demo'
import { appForFile, go, screenshotsAtPhoneWidths, shown, waitForText } from './support/app'
import { approvedPassportCase } from './support/case-pages'

const CITIZEN = 'demo-citizen-a'
const app = appForFile('2026-11-02', '10:00')

const board = (page: Page) => shown(page).locator('.sv-console')
const tile = (page: Page, label: string) =>
  board(page)
    .locator('.sv-tile')
    .filter({ has: page.getByText(label, { exact: true }) })

/** Whether the canvas inside the chart has any painted pixel: F2 drew on it. */
const painted = (page: Page, id: string) =>
  board(page)
    .locator(`canvas#${id}`)
    .evaluate((c) => {
      const canvas = c as HTMLCanvasElement
      const ctx = canvas.getContext('2d')
      if (!ctx || !canvas.width) return false
      const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height)
      for (let i = 3; i < data.length; i += 4) if (data[i] > 0) return true
      return false
    })

/** Waits until F2 has drawn on the chart's canvas; fails after 10 s. */
async function untilPainted(page: Page, id: string): Promise<void> {
  const until = Date.now() + 10_000
  while (!(await painted(page, id).catch(() => false))) {
    if (Date.now() > until) throw new Error(`nothing was drawn on #${id}`)
    await new Promise((r) => setTimeout(r, 200))
  }
}

describe('the supervision console: figures, a chart and the Excel export', () => {
  beforeAll(async () => {
    await approvedPassportCase(app, CITIZEN, 71)
    await approvedPassportCase(app, CITIZEN, 72)
    const queue = invokeApi(app.cloud, queueContract)
    const { ticket } = dataOf(await queue({ action: 'takeTicket', matterId: 'm-passport' }, CITIZEN))
    expect(dataOf(await queue({ action: 'callNext', windowId: 'win-01' }, LEAD)).ticket?.ticketId).toBe(ticket.ticketId)
    dataOf(await queue({ action: 'finish', ticketId: ticket.ticketId }, LEAD))
    // Two lit cases as the lights part records them (its own tests cover how they get lit).
    installSdkEnv(app.cloud)
    cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })
    const db = cloud.database() as unknown as TestDatabase
    const light = (id: string, departmentId: string, color: 'red' | 'yellow') => ({
      _id: id,
      caseNo: `ZW2026110200${id.slice(-2)}`,
      matterId: 'm-passport',
      matterName: '普通护照签发',
      departmentId,
      light: color,
      reasons: [{ code: 'overdue', label: '办理超时', detail: '已超过承诺办结日' }],
      updatedAt: new Date(),
      open: true,
    })
    await db.collection('case_lights').add({ data: light('cs-e2e-light-01', 'dept-crj', 'red') })
    await db.collection('case_lights').add({ data: light('cs-e2e-light-02', 'dept-scjg', 'yellow') })
    expect(await app.cloud.trigger('supervision', 'tick', 'consoleFold')).toMatchObject({ ok: true })
  }, 60_000)

  it('when the supervisor opens the console, then today’s figures show and the lights chart is drawn', async () => {
    const { page } = await app.open(SUPERVISOR)
    await go(page, app, pageUrl(ROUTES.supervisionConsole))
    await waitForText(tile(page, '收件').locator('.sv-tile__value'), '2')
    await waitForText(tile(page, '办结').locator('.sv-tile__value'), '2')
    await waitForText(tile(page, '取号').locator('.sv-tile__value'), '1')
    await waitForText(tile(page, '红灯').locator('.sv-tile__value'), '1')
    await board(page).getByText('县公安局出入境管理大队').first().waitFor()
    await untilPainted(page, 'chart-lights')
    await screenshotsAtPhoneWidths(page, 'supervision-console-1-today', async () => {
      await waitForText(tile(page, '收件').locator('.sv-tile__value'), '2')
      await untilPainted(page, 'chart-lights')
    })
  })

  it('when the supervisor exports the month, then the browser downloads an .xlsx whose 出入境 row has the month’s figures', async () => {
    const { page } = await app.open(SUPERVISOR)
    await go(page, app, pageUrl(ROUTES.supervisionConsole, { period: 'month' }))
    await waitForText(tile(page, '办结').locator('.sv-tile__value'), '2')
    await untilPainted(page, 'chart-trend')
    const download = page.waitForEvent('download')
    await board(page).getByText('导出Excel（2026-11月报）').click()
    const file = await download
    expect(file.suggestedFilename()).toBe('supervision-monthly-2026-11.xlsx')
    const wb = new ExcelJS.Workbook()
    const bytes = readFileSync(await file.path())
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer)
    const ws = wb.worksheets[0]
    const header = (ws.getRow(3).values as unknown[]).slice(1)
    const row = Array.from({ length: ws.rowCount - 3 }, (_, i) => (ws.getRow(i + 4).values as unknown[]).slice(1)).find(
      (r) => r[0] === '县公安局出入境管理大队',
    )
    expect(row?.[header.indexOf('办结数')]).toBe(2)
    expect(row?.[header.indexOf('其中准予')]).toBe(2)
    expect(row?.[header.indexOf('取号数')]).toBe(1)
    await board(page)
      .getByText(/已生成 supervision-monthly-2026-11\.xlsx/)
      .waitFor()
    await screenshotsAtPhoneWidths(page, 'supervision-console-2-month', async () => {
      await waitForText(tile(page, '办结').locator('.sv-tile__value'), '2')
      await untilPainted(page, 'chart-trend')
    })
  })
})
