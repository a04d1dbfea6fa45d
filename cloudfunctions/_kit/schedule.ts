import { parseCron } from '../../types/domain/cron'
import type { Triggers } from './handler'
import { log } from './log'

/**
 * Several periodic jobs behind the one timer trigger WeChat allows a cloud function ("triggers
 * 字段是触发器数组，目前仅支持一个触发器", developers.weixin.qq.com 云开发 › 云函数 › 定时触发器).
 * The function's config.json declares one trigger, `tick`, every minute; each tick runs the jobs
 * whose own schedule (the same seven-field cron) matches that minute, one after another, and a
 * failing job does not stop the others. A tick whose event Message names a job runs just that job
 * and answers its result (the local cloud's `trigger(fn, 'tick', job)`; in the console, 云函数 ›
 * 测试 with that message).
 */

export const TICK = 'tick'

export interface Job {
  cron: string
  run: (now: Date) => Promise<Record<string, unknown>>
}

export function scheduled(jobs: Record<string, Job>): Triggers {
  const crons = Object.entries(jobs).map(([name, job]) => ({ name, job, cron: parseCron(job.cron) }))
  return {
    [TICK]: async (now, event) => {
      const only = typeof event?.Message === 'string' && event.Message ? event.Message : undefined
      if (only) {
        // One job by name answers its own result, as if it were its own trigger.
        if (!Object.prototype.hasOwnProperty.call(jobs, only)) return { error: `没有名为 ${only} 的定时任务` }
        return jobs[only].run(now)
      }
      const minute = new Date(Math.floor(now.getTime() / 60_000) * 60_000)
      const due = crons.filter((c) => c.cron.matches(minute))
      const out: Record<string, unknown> = {}
      for (const c of due) {
        try {
          out[c.name] = await c.job.run(now)
        } catch (e) {
          log.error(`schedule.${c.name}`, e)
          out[c.name] = { error: '运行失败' }
        }
      }
      return out
    },
  }
}
