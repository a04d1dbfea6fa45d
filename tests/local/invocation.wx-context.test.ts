import { buildFixtures } from '../support/fixtures'
import { startTestCloud, type TestCloud } from '../support/cloud'

let t: TestCloud

beforeAll(async () => {
  t = await startTestCloud({ functionsDir: await buildFixtures(['probe']) })
})
afterAll(() => t?.close())

/** What the probe fixture answers for `context`: the WeChat context it saw and the event's userInfo. */
interface ContextAnswer {
  ctx: Record<string, string>
  userInfo: unknown
}

describe('per-invocation WeChat context', () => {
  it('when 300 clients call through the gateway at once, then each invocation (and the function it calls) sees only its own OPENID', async () => {
    const results = (await Promise.all(
      Array.from({ length: 300 }, (_, i) => t.call('probe', { action: 'whoami' }, `o-user-${i}`)),
    )) as Array<{ before: string; after: string; nested: string; nestedSource: string; userInfo: string }>
    results.forEach((r, i) => {
      expect(r).toEqual({
        before: `o-user-${i}`,
        after: `o-user-${i}`,
        nested: `o-user-${i}`,
        nestedSource: 'wx_client,scf',
        userInfo: `o-user-${i}`,
      })
    })
    expect((await t.db.collection('visits').count()).total).toBe(300)
  })

  it('when a function is invoked without an OPENID, then getWXContext has none and the test process sees no context', async () => {
    const r = (await t.cloud.invoke('probe', { action: 'context' })) as ContextAnswer
    expect(r.ctx).toMatchObject({ OPENID: '', APPID: expect.stringMatching(/^wx/), SOURCE: 'wx_client', ENV: 'local-dev' })
    expect(r.ctx).not.toHaveProperty('API_TOKEN')
    expect(t.sdk.getWXContext()).toEqual({})
  })

  it("when a client sends userInfo in the event, then the platform's userInfo replaces it", async () => {
    const r = (await t.call('probe', { action: 'context', userInfo: { openId: 'o-forged' } }, 'o-real')) as ContextAnswer
    expect(r.userInfo).toEqual({ appId: expect.stringMatching(/^wx/), openId: 'o-real' })
  })

  it('when a timer trigger runs, then there is no OPENID, SOURCE is wx_trigger and the event is the timer event', async () => {
    expect(await t.trigger('probe', 'nightly')).toEqual({
      trigger: 'nightly',
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
      openid: '',
      source: 'wx_trigger',
      hasUserInfo: false,
    })
  })

  it('when a trigger is not declared in config.json, then running it fails with its name', async () => {
    await expect(t.trigger('probe', 'hourly')).rejects.toThrow(/hourly/)
  })
})
