/**
 * Timer triggers run on their config.json schedules (local/cron.ts, local/timers.ts), in WeChat's
 * 7-field cron format and in Beijing time, with the event and context WeChat sends.
 */
import { parseCron } from '../../types/domain/cron'
import { startLocalCloud } from '../../local'
import { buildFixtures } from '../support/fixtures'
import type { Doc } from '../../cloudfunctions/_kit/db-types'
import { startTestCloud } from '../support/cloud'

/** A Beijing wall-clock time as an instant. */
const bj = (s: string) => new Date(`${s}+08:00`)
const iso = (d: Date | null) => (d ? new Date(d.getTime() + 8 * 3_600_000).toISOString().replace('T', ' ').slice(0, 19) : null)

describe('the cron matcher', () => {
  it.each([
    // expression, after (Beijing), next fire (Beijing)
    ['0 * * * * * *', '2026-10-08T10:15:30', '2026-10-08 10:16:00'],
    ['0 */5 * * * * *', '2026-10-08T10:15:00', '2026-10-08 10:20:00'],
    ['0 */15 * * * * *', '2026-10-08T23:59:59', '2026-10-09 00:00:00'],
    ['0 0 18 * * * *', '2026-10-08T18:00:00', '2026-10-09 18:00:00'],
    ['0 0 18 * * * *', '2026-10-08T17:59:59', '2026-10-08 18:00:00'],
    ['0 0 9 * * * *', '2026-12-31T09:00:01', '2027-01-01 09:00:00'],
    ['*/5 * * * * * *', '2026-10-08T10:00:03', '2026-10-08 10:00:05'],
    ['0 0 2 1 * * *', '2026-10-08T00:00:00', '2026-11-01 02:00:00'],
    ['0 15 10 * * MON-FRI *', '2026-10-09T10:15:00', '2026-10-12 10:15:00'], // Fri → Mon
    ['0 0 12 * * WED *', '2026-10-08T00:00:00', '2026-10-14 12:00:00'],
    ['0 0 12 * * 0 *', '2026-10-08T00:00:00', '2026-10-11 12:00:00'], // 0 = Sunday
    ['0 0 10,14,16 * * * *', '2026-10-08T14:00:00', '2026-10-08 16:00:00'],
    ['0 */30 9-17 * * * *', '2026-10-08T17:30:00', '2026-10-09 09:00:00'],
    ['0 1/10 * * * * *', '2026-10-08T10:01:00', '2026-10-08 10:11:00'],
    ['0 0 0 31 * * *', '2026-09-01T00:00:00', '2026-10-31 00:00:00'], // September has no 31st
    ['0 0 0 29 FEB * *', '2026-03-01T00:00:00', '2028-02-29 00:00:00'],
    ['0 0 8 13 * FRI *', '2026-10-08T00:00:00', '2026-10-09 08:00:00'], // day OR weekday: Friday 9th
    ['0 0 0 1 1 * 2027', '2026-10-08T00:00:00', '2027-01-01 00:00:00'],
    ['0 0 0 1 1 * 2025', '2026-10-08T00:00:00', null],
  ])('%s after %s (Beijing) fires next at %s', (expr, after, expected) => {
    expect(iso(parseCron(expr).next(bj(after)))).toBe(expected)
  })

  it('when the machine is on UTC, then 18:00 means 18:00 in Beijing (10:00 UTC)', () => {
    expect(parseCron('0 0 18 * * * *').matches(new Date('2026-10-08T10:00:00Z'))).toBe(true)
    expect(parseCron('0 0 18 * * * *').matches(new Date('2026-10-08T18:00:00Z'))).toBe(false)
  })

  it.each([
    ['0 * * * * *', /7 个字段/],
    ['60 * * * * * *', /秒字段取值 60/],
    ['0 0 24 * * * *', /小时字段取值 24/],
    ['0 0 0 0 * * *', /日字段取值 0/],
    ['0 0 0 * 13 * *', /月字段取值 13/],
    ['0 0 0 * * 7 *', /星期字段取值 7/],
    ['0 0 0 * * * 2100', /年字段取值 2100/],
    ['0 0 0 * * FUN *', /星期字段取值 FUN/],
    ['0 5-1 * * * * *', /起点大于终点/],
    ['0 */0 * * * * *', /步长/],
    ['0 ? * * * * *', /不合法/],
  ])('when the expression is %s, then it is refused', (expr, why) => {
    expect(() => parseCron(expr)).toThrow(why)
  })
})

describe('a started cloud', () => {
  let functionsDir: string
  beforeAll(async () => {
    functionsDir = await buildFixtures(['ticker', 'probe'])
  })

  it('when timers are on, then it fires a trigger on schedule with the event and context WeChat sends', async () => {
    const t = await startTestCloud({ functionsDir, timers: true })
    try {
      const deadline = Date.now() + 5000
      let ticks: Doc[] = []
      while (ticks.length < 2 && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 200))
        ticks = (await t.db.collection('ticks').get()).data
      }
      expect(ticks.length).toBeGreaterThanOrEqual(2)
      for (const tick of ticks) {
        expect(tick).toMatchObject({ event: { Type: 'Timer', TriggerName: 'everySecond', Message: '' }, openid: '', source: 'wx_trigger' })
        expect(tick.event.Time).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/)
        expect(tick.event).not.toHaveProperty('userInfo')
      }
      // One fire per second, each at its own whole second.
      expect(new Set(ticks.map((k) => k.event.Time)).size).toBe(ticks.length)
    } finally {
      await t.close()
    }
  })

  it('when timers are off (the default), then nothing fires by itself', async () => {
    const t = await startTestCloud({ functionsDir })
    try {
      await new Promise((r) => setTimeout(r, 1500))
      expect((await t.db.collection('ticks').count()).total).toBe(0)
    } finally {
      await t.close()
    }
  })

  it('when a function declares more than one timer trigger, then the cloud says WeChat allows one', async () => {
    const lines: string[] = []
    const dir = await buildFixtures(['probe'])
    const { writeFileSync } = await import('node:fs')
    writeFileSync(
      `${dir}/probe/config.json`,
      JSON.stringify({
        triggers: [
          { name: 'a', type: 'timer', config: '0 0 2 * * * *' },
          { name: 'b', type: 'timer', config: '0 0 3 * * * *' },
        ],
      }),
    )
    const cloud = await startLocalCloud({ port: 0, functionsDir: dir, timers: true, log: (l) => lines.push(l) })
    await cloud.close()
    expect(lines.join('\n')).toMatch(/probe 的 config.json 声明了 2 个定时触发器；微信云开发每个云函数只支持一个/)
  })
})
