/**
 * The `settings` collection through the one reader (cloudfunctions/_kit/settings.ts readSetting):
 * no document gives the defaults, a valid one its values, and a malformed one is logged (its id
 * and the fields at fault, never their values) and read field by field over the defaults, without
 * failing the action that reads it.
 */
import { inquiryContract } from '../../types/contracts/inquiry'
import { queueContract } from '../../types/contracts/queue'
import { caseClient } from '../support/case'
import { clearFakeNow, setBeijingNow } from '../support/clock'
import type { TestCloud } from '../support/cloud'
import { STAFF, startDemoCloud } from '../support/demo'

let t: TestCloud
let matters: string[]
const DAY = '2026-09-28'

beforeAll(async () => {
  t = await startDemoCloud(['queue', 'inquiry', 'case'])
  setBeijingNow(DAY, '09:10')
  matters = (await t.db.collection('matters').limit(40).get()).data.filter((m) => m.windowIds?.length).map((m) => String(m._id))
})
afterAll(async () => {
  clearFakeNow()
  await t?.close()
})
afterEach(() => jest.restoreAllMocks())

const setting = (id: string, data: Record<string, unknown>) => t.db.collection('settings').doc(id).set({ data })
const dropSetting = (id: string) => t.db.collection('settings').where({ _id: id }).remove()
const take = (openid: string, i: number) => t.api(queueContract)({ action: 'takeTicket', matterId: matters[i] }, openid)
/** Tickets for three matters, one after another: how many the account got, and the refusal of the rest. */
async function takeThree(openid: string) {
  const answers = [await take(openid, 0), await take(openid, 1), await take(openid, 2)]
  return { taken: answers.filter((a) => a.ok).length, refused: answers.find((a) => !a.ok) }
}
/** The settings lines the functions logged while `run` ran. */
async function settingsLog(run: () => Promise<unknown>): Promise<string> {
  const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined)
  await run()
  return errors.mock.calls
    .map((c) => c.map(String).join(' '))
    .filter((l) => l.includes('[settings]'))
    .join('\n')
}

describe('queue_policy', () => {
  it('when there is no settings document, then an account holds the default 2 waiting tickets', async () => {
    await dropSetting('queue_policy')
    const logged = await settingsLog(async () => {
      const r = await takeThree('o-set-none')
      expect(r.taken).toBe(2)
      expect(r.refused).toMatchObject({ error: { code: 'CONFLICT', message: expect.stringContaining('最多同时保留2张') } })
    })
    expect(logged).toBe('')
  })

  it('when the document is valid, then its value applies at once', async () => {
    await setting('queue_policy', { maxWaitingPerOpenid: 1 })
    const r = await takeThree('o-set-valid')
    expect(r.taken).toBe(1)
    expect(r.refused).toMatchObject({ error: { code: 'CONFLICT', message: expect.stringContaining('最多同时保留1张') } })
  })

  it('when the document is malformed, then the default applies, the action still answers, and the log names the field but not its value', async () => {
    await setting('queue_policy', { maxWaitingPerOpenid: 'lots' })
    const logged = await settingsLog(async () => {
      const r = await takeThree('o-set-bad')
      expect(r.taken).toBe(2)
      expect(r.refused).toMatchObject({ error: { code: 'CONFLICT', message: expect.stringContaining('最多同时保留2张') } })
    })
    expect(logged).toContain('queue_policy')
    expect(logged).toContain('maxWaitingPerOpenid')
    expect(logged).not.toContain('lots')
  })
})

describe('inquiry_policy', () => {
  const ask = (openid: string, n: number) =>
    t.api(inquiryContract)(
      { action: 'ask', question: `请问大厅周六上午开门吗？（第${n}问）`, requestId: `req-settings-${openid}-${n}` },
      openid,
    )

  it('when one field is malformed, then only that field falls back: the valid limit holds and the reply is due on the default day', async () => {
    await setting('inquiry_policy', { maxOpenPerAsker: 1, replyWorkingDays: 99 })
    const logged = await settingsLog(async () => {
      // A general question goes to the centre office (the default department) and is due the next working day (the default).
      expect(await ask('o-set-asker', 1)).toMatchObject({ ok: true, data: { departmentId: 'dept-office', dueDate: '2026-09-29' } })
      expect(await ask('o-set-asker', 2)).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } })
    })
    expect(logged).toContain('inquiry_policy')
    expect(logged).toContain('replyWorkingDays')
    expect(logged).not.toContain('maxOpenPerAsker')
    expect(logged).not.toContain('99')
  })
})

describe('case_policy', () => {
  const pickupNumberAfterReady = async (seq: number) => {
    const c = caseClient(t)
    const id = await c.caseIn('approved', undefined, seq)
    expect(await c.act(id, 'readyForPickup', STAFF)).toMatchObject({ ok: true })
    return (await t.db.collection('cases').doc(id).get()).data.result.pickup.windowNumber as number
  }

  it('when there is no settings document, then results are handed out at the hall window named for it (统一出件)', async () => {
    await dropSetting('case_policy')
    expect(await pickupNumberAfterReady(901)).toBe(23)
  })

  it('when the document names a window, then results are handed out there', async () => {
    await setting('case_policy', { pickupWindowId: 'win-05' })
    expect(await pickupNumberAfterReady(902)).toBe(5)
  })

  it('when the window id is malformed, then the default window applies and the log names the field', async () => {
    await setting('case_policy', { pickupWindowId: 'WIN 5' })
    let number = 0
    const logged = await settingsLog(async () => {
      number = await pickupNumberAfterReady(903)
    })
    expect(number).toBe(23)
    expect(logged).toContain('case_policy')
    expect(logged).toContain('pickupWindowId')
    expect(logged).not.toContain('WIN 5')
  })
})
