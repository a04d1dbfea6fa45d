import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseCron } from '../../types/domain/cron'

const root = join(__dirname, '../../cloudfunctions')
const functions = readdirSync(root).filter((n) => !n.startsWith('_') && existsSync(join(root, n, 'config.json')))

describe('the functions as WeChat deploys them', () => {
  it.each(functions)('when %s is uploaded with its triggers, then it declares at most one timer trigger with a valid schedule', (fn) => {
    // 定时触发器: "triggers 字段是触发器数组，目前仅支持一个触发器" (developers.weixin.qq.com, 云开发 › 云函数).
    const config = JSON.parse(readFileSync(join(root, fn, 'config.json'), 'utf8')) as {
      triggers?: Array<{ name: string; type: string; config: string }>
    }
    const timers = (config.triggers ?? []).filter((t) => t.type === 'timer')
    expect(timers.length).toBeLessThanOrEqual(1)
    for (const t of timers) {
      expect(t.name).toMatch(/^[A-Za-z][A-Za-z0-9_-]{0,59}$/)
      expect(() => parseCron(t.config)).not.toThrow()
    }
  })
})
