/** The notice function's test kit: a demo cloud with it, a valid draft, and publishing in one step. */
import { noticeContract, type NoticeDraft } from '../../types/contracts/notice'
import { randomBytes } from 'node:crypto'
import type { TestCloud } from './cloud'
import { dataOf } from './calls'
import { PASSPORT, startDemoCloud, SUPERVISOR } from './demo'

export const startNoticeCloud = () => startDemoCloud(['notice'])

export const requestId = () => `rq-${randomBytes(8).toString('hex')}`

export const draftOf = (over: Partial<NoticeDraft> = {}): NoticeDraft => ({
  title: '护照窗口12月28日暂停受理',
  category: 'notice',
  blocks: [{ kind: 'p', text: '因系统升级，出入境窗口12月28日暂停受理普通护照签发业务，29日起恢复。' }],
  matterId: PASSPORT,
  ...over,
})

export function noticeKit(t: () => TestCloud) {
  const api = () => t().api(noticeContract)
  return {
    api,
    async create(over: Partial<NoticeDraft> = {}, as = SUPERVISOR) {
      return dataOf(await api()({ action: 'save', requestId: requestId(), draft: draftOf(over) }, as))
    },
    /** A draft created and published: its id and version after publishing. */
    async published(over: Partial<NoticeDraft> = {}, as = SUPERVISOR) {
      const d = dataOf(await api()({ action: 'save', requestId: requestId(), draft: draftOf(over) }, as))
      return dataOf(await api()({ action: 'publish', noticeId: d.noticeId, version: d.version }, as))
    },
    async titles(openid?: string, input: { category?: NoticeDraft['category']; q?: string } = {}) {
      return dataOf(await api()({ action: 'list', ...input }, openid)).items.map((i) => i.title)
    },
  }
}
