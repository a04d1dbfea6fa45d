import { buildFixtures } from '../support/fixtures'
import { startTestCloud, type TestCloud } from '../support/cloud'

let t: TestCloud

beforeAll(async () => {
  t = await startTestCloud({ functionsDir: await buildFixtures(['probe', 'noperm']) })
})
afterEach(() => t.cloud.setOpenapiFailures(null))
afterAll(() => t?.close())

const message = (over: Record<string, unknown> = {}) => ({
  touser: 'o-citizen-1',
  templateId: 'TPL-booking-ok',
  page: 'pages/booking/detail?id=b1',
  data: { thing1: { value: '普通护照签发' }, time2: { value: '2026年10月9日 09:30' }, character_string3: { value: 'B20261009-0001' } },
  miniprogramState: 'developer',
  ...over,
})
/** What the probe fixture answers for a send: WeChat's errCode, and its errMsg on a refusal. */
interface SendAnswer {
  ok: boolean
  errCode?: number
  errMsg?: string
}
const notify = (msg: object) => t.cloud.invoke('probe', { action: 'notify', message: msg }) as Promise<SendAnswer>

describe('openapi.subscribeMessage.send', () => {
  it('when a function sends a subscribe message, then it succeeds and the send is captured as WeChat received it', async () => {
    expect(await notify(message())).toEqual({ ok: true, errCode: 0 })
    const sends = await t.sends()
    expect(sends.at(-1)).toMatchObject({
      touser: 'o-citizen-1',
      templateId: 'TPL-booking-ok',
      page: 'pages/booking/detail?id=b1',
      data: { thing1: { value: '普通护照签发' } },
      calledBy: 'probe',
      sentAt: expect.any(Date),
    })
    expect((await t.db.collection('wx_subscribe_sends').count()).total).toBe(sends.length)
  })

  it.each([
    ['a thing value over 20 characters', 47003, message({ data: { thing1: { value: '这是一段超过二十个字的事项名称用来测试长度限制' } } })],
    ['a field without value', 47003, message({ data: { thing1: '普通护照' } })],
    ['a missing touser', 40003, message({ touser: '' })],
    ['a missing template id', 40037, message({ templateId: '' })],
  ])("when the message has %s, then WeChat's errcode %s is thrown and nothing is captured", async (_label, errCode, msg) => {
    const before = (await t.cloud.sends()).length
    expect(await notify(msg)).toMatchObject({ ok: false, errCode })
    expect(await t.cloud.sends()).toHaveLength(before)
  })

  it("when the function's config.json does not declare the API, then 604101", async () => {
    expect(await t.cloud.invoke('noperm', { message: message() })).toMatchObject({ ok: false, errCode: 604101 })
  })

  it('when transient failures are injected, then sends throw errcode -1; permanent ones throw 43101', async () => {
    t.cloud.setOpenapiFailures({ transient: 1 })
    expect(await notify(message())).toMatchObject({ ok: false, errCode: -1, errMsg: expect.stringContaining('system error') })
    t.cloud.setOpenapiFailures({ permanent: 1 })
    expect(await notify(message())).toMatchObject({ ok: false, errCode: 43101 })
    t.cloud.setOpenapiFailures({ permanent: 1, permanentCode: 43107 })
    expect(await notify(message())).toMatchObject({ ok: false, errCode: 43107 })
  })

  it('when failures are injected at 30 %, then roughly that share of 200 sends fails and every success is captured', async () => {
    const before = (await t.cloud.sends()).length
    t.cloud.setOpenapiFailures({ transient: 0.3 })
    const results = await Promise.all(Array.from({ length: 200 }, () => notify(message())))
    const failed = results.filter((r) => !r.ok).length
    expect(failed).toBeGreaterThan(20)
    expect(failed).toBeLessThan(100)
    expect((await t.cloud.sends()).length - before).toBe(200 - failed)
  })
})
