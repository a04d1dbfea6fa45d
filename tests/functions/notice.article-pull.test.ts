import { noticeContract } from '../../types/contracts/notice'
import type { FakeArticle } from '../../local/official-account'
import { A } from '../support/demo'
import { dataOf } from '../support/calls'
import { cloudForFile } from '../support/for-file'
import { startNoticeCloud } from '../support/notice'

const t = cloudForFile(startNoticeCloud)

const pull = async () => dataOf(await t.trigger('notice', 'tick', 'pullArticles'))
const listed = async () => dataOf(await t.api(noticeContract)({ action: 'articles' }, A))
const titles = async () => (await listed()).items.map((a) => a.title)

const article = (n: number, over: Partial<FakeArticle> = {}): FakeArticle => ({
  articleId: `art-${n}`,
  title: `公众号文章${n}`,
  digest: `摘要${n}`,
  updateTime: 1_765_000_000 + n,
  cover: n % 3,
  ...over,
})

beforeEach(() => {
  t.cloud.officialAccount.failWith(null)
})

describe('pulling the 公众号 articles', () => {
  it('when the timer runs, then the published articles are listed newest first with their covers copied into storage', async () => {
    t.cloud.officialAccount.setArticles([article(1), article(2), article(3)])
    expect(await pull()).toMatchObject({ added: 3, updated: 0, removed: 0, total: 3 })
    const list = await listed()
    expect(list.items.map((a) => a.title)).toEqual(['公众号文章3', '公众号文章2', '公众号文章1'])
    expect(list.account.userName).toMatch(/^gh_/)
    const stored = (await t.db.collection('mp_articles').where({}).get()).data
    expect(stored.every((d) => /\/mp-covers\/ma-[0-9a-f]{20}-[0-9a-f]{12}\.png$/.test(String(d.coverFileId)))).toBe(true)
    // The list's cover is our storage's URL, never the 公众号's image host.
    expect(list.items[0].coverUrl).toMatch(new RegExp(`^${t.cloud.url}/files/`))
    const cover = await fetch(list.items[0].coverUrl ?? '')
    expect(cover.headers.get('content-type')).toContain('image/png')
  })

  it('when more than a page is published, then every page is read', async () => {
    t.cloud.officialAccount.setArticles(Array.from({ length: 45 }, (_, i) => article(100 + i)))
    expect(await pull()).toMatchObject({ total: 45 })
    expect(dataOf(await t.api(noticeContract)({ action: 'articles', limit: 50 })).items).toHaveLength(45)
  })

  it('when an article is updated or deleted, then the list follows and the deleted cover is removed', async () => {
    t.cloud.officialAccount.setArticles([article(1), article(2), article(3)])
    await pull()
    const before = (await t.db.collection('mp_articles').where({ articleId: 'art-3' }).get()).data[0]
    t.cloud.officialAccount.setArticles([
      article(1, { title: '公众号文章1（修订）', updateTime: 1_765_100_000 }),
      article(2, { isDeleted: true }),
    ])
    expect(await pull()).toMatchObject({ added: 0, updated: 1, removed: 2, total: 1 })
    expect(await titles()).toEqual(['公众号文章1（修订）'])
    const gone = await t.sdk.getTempFileURL({ fileList: [String(before.coverFileId)] })
    expect(gone.fileList[0].tempFileURL ?? '').toBe('')
  })

  it('when the API answers an error, then the last good list stays and the error is reported', async () => {
    t.cloud.officialAccount.setArticles([article(7), article(8)])
    await pull()
    t.cloud.officialAccount.setArticles([])
    t.cloud.officialAccount.failWith(-1)
    expect(await pull()).toMatchObject({ error: 'errcode -1', kept: 2 })
    expect(await titles()).toEqual(['公众号文章8', '公众号文章7'])
    const state = (await t.db.collection('mp_pull').doc('state').get()).data
    expect(state).toMatchObject({ lastError: 'errcode -1' })
  })

  it('when the cached token has expired, then a fresh one is taken and the pull succeeds', async () => {
    t.cloud.officialAccount.setArticles([article(9)])
    await pull()
    t.cloud.officialAccount.expireTokens()
    expect(await pull()).toMatchObject({ total: 1, removed: expect.any(Number) })
    expect(await titles()).toEqual(['公众号文章9'])
  })

  it('when the articles are searched, then only the matching titles and digests are answered', async () => {
    t.cloud.officialAccount.setArticles([article(1), article(2, { digest: '不动产登记材料清单' })])
    await pull()
    expect(dataOf(await t.api(noticeContract)({ action: 'articles', q: '不动产' })).items.map((a) => a.title)).toEqual(['公众号文章2'])
  })
})
