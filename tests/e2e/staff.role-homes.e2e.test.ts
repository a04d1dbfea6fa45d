/**
 * Each role's own 工作台: window staff, the department lead, the supervisor and the administrator
 * see only the tools they can use (帮办代办 only at the 帮办 desk: in the demo, the centre office). Every tile is opened, and no call the page makes is refused
 * as FORBIDDEN, nor does the page say 没有权限.
 */
import type { Response } from 'playwright-core'
import { ERROR_MESSAGES } from '../../types/result'
import { ADMIN, LEAD, STAFF, SUPERVISOR } from '../support/demo'
import { appForFile, go, shown } from './support/app'

const app = appForFile()

/** Until the page has had no call to a function in flight for a while: what it loads on opening has answered. */
async function settled(inFlight: () => number) {
  const until = Date.now() + 10_000
  let quietSince = Date.now()
  while (Date.now() < until) {
    if (inFlight() > 0) quietSince = Date.now()
    else if (Date.now() - quietSince > 250) return
    await new Promise((r) => setTimeout(r, 50))
  }
}

/** Opens each tile of the staff home in turn; answers the tiles' titles and what refused anything. */
async function openEveryTile(openid: string) {
  const { page } = await app.open(openid)
  let inFlight = 0
  const refused: string[] = []
  page.on('request', (r) => r.url().includes('/api/fn/') && inFlight++)
  const done = () => inFlight--
  page.on('requestfailed', (r) => r.url().includes('/api/fn/') && done())
  page.on('response', (r: Response) => {
    if (!r.url().includes('/api/fn/')) return
    void r
      .json()
      .then((body: { ok?: boolean; error?: { code?: string } }) => {
        if (body?.error?.code === 'FORBIDDEN') refused.push(`${r.url().split('/api/fn/')[1]} ${r.request().postData() ?? ''}`)
      })
      .catch(() => undefined)
      .finally(done)
  })
  await go(page, app, '/packages/staff/index/index')
  await shown(page).locator('.staff-home__tiles .tile').first().waitFor()
  const titles = await shown(page).locator('.staff-home__tiles .tile__title').allInnerTexts()
  const problems: string[] = []
  await settled(() => inFlight)
  for (const title of titles) {
    refused.length = 0
    await shown(page).locator('.staff-home__tiles .tile').filter({ hasText: title }).first().click()
    await page.waitForFunction(() => !document.querySelector('.taro_page:last-child .staff-home'))
    await settled(() => inFlight)
    const text = await shown(page).innerText()
    if (refused.length) problems.push(`${title}: ${refused.join('; ')}`)
    if (text.includes(ERROR_MESSAGES.FORBIDDEN) || text.includes('没有权限')) problems.push(`${title}: the page says 没有权限`)
    // Back to the home as it was (the router keeps it), not a reload.
    await page.goBack()
    await shown(page).locator('.staff-home__tiles').waitFor()
    await settled(() => inFlight)
  }
  await page.context().close()
  return { titles, problems }
}

describe('each role gets its own 工作台', () => {
  it.each([
    ['window staff', STAFF, ['办件', '窗口叫号', '预约签到', '今日预约'], ['排班管理', '公告管理', '邀请工作人员', '工作日历', '帮办代办']],
    ['the department lead', LEAD, ['办件', '排班管理', '效能监督', '督办'], ['公告管理', '邀请工作人员', '工作日历']],
    [
      'the supervisor',
      SUPERVISOR,
      ['效能监督', '红黄灯办件', '督办', '差评工单', '投诉', '帮办代办'],
      ['办件', '窗口叫号', '排班管理', '邀请工作人员'],
    ],
    ['the administrator', ADMIN, ['效能监督', '公告管理', '邀请工作人员', '工作日历', '排班管理'], ['办件', '窗口叫号', '预约签到']],
  ])(
    'when %s opens every tile, then each tile is theirs and none is refused',
    async (_who, openid, has, hasNot) => {
      const { titles, problems } = await openEveryTile(openid)
      expect(titles).toEqual(expect.arrayContaining(has))
      for (const t of hasNot) expect(titles).not.toContain(t)
      expect(problems).toEqual([])
    },
    180_000,
  )
})
