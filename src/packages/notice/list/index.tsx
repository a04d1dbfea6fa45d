import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { NOTICE_CATEGORIES, NOTICE_CATEGORY_LABELS, type NoticeCategory } from '../../../../types/domain/notice'
import { ROUTES } from '../../../../types/routes'
import { ChoiceChips } from '../../../components/choice-chips'
import { NoticeList } from '../../../components/notice-list'
import { SearchBox } from '../../../components/search-box'
import { LoadStatus, StatusView } from '../../../components/status-view'
import { useLargeText } from '../../../hooks/useLargeText'
import { useLoad } from '../../../hooks/useLoad'
import { noticeApi } from '../../../services/api/notice'
import { useQuery } from '../../../utils/nav'
import { ArticleList } from '../articles'
import { FollowAccount } from '../follow'
import '../notice.scss'

type Tab = 'all' | NoticeCategory | 'articles'
const TABS: readonly { value: Tab; label: string }[] = [
  { value: 'all', label: '全部' },
  ...NOTICE_CATEGORIES.map((c) => ({ value: c, label: NOTICE_CATEGORY_LABELS[c] })),
  { value: 'articles', label: '公众号文章' },
]
const isTab = (v: string | undefined): v is Tab => TABS.some((t) => t.value === v)

/** 通知公告: the centre's announcements by category, searchable, with the 公众号's articles. */
export default function NoticeListPage() {
  const { rootClass } = useLargeText()
  const initial = useQuery(ROUTES.noticeList).category
  const [tab, setTab] = useState<Tab>(isTab(initial) ? initial : 'all')
  const [typed, setTyped] = useState('')
  const [q, setQ] = useState('')
  const showNotices = tab !== 'articles'
  const showArticles = tab === 'all' || tab === 'articles'
  const notices = useLoad(
    () =>
      showNotices
        ? noticeApi.list({ ...(tab !== 'all' ? { category: tab } : {}), ...(q ? { q } : {}) })
        : Promise.resolve({ ok: true as const, data: { items: [], unread: 0 } }),
    [tab, q],
  )
  const articles = useLoad(
    () => (showArticles ? noticeApi.articles(q ? { q } : {}) : Promise.resolve({ ok: true as const, data: { items: [], account: {} } })),
    [tab, q],
  )
  const items = notices.data?.items ?? []
  const arts = articles.data?.items ?? []

  return (
    <View className={`${rootClass} notice-page`}>
      <View className="notice-page__search">
        <SearchBox placeholder="搜索公告标题、内容" value={typed} onChange={setTyped} onConfirm={(v) => setQ(v.trim())} />
      </View>
      <View className="notice-page__chips">
        <ChoiceChips name="notice-tab" options={TABS} value={tab} onChange={setTab} />
      </View>
      {q && <Text className="notice-page__hint">「{q}」的搜索结果</Text>}

      {showNotices && (
        <View>
          {tab === 'all' && <Text className="notice-page__section">中心公告</Text>}
          <LoadStatus of={notices} />
          {notices.data && items.length === 0 && <StatusView kind="empty" message={q ? '没有找到相关公告' : '暂无公告'} />}
          {items.length > 0 && (
            <View className="notice-page__card">
              <NoticeList items={items} />
            </View>
          )}
        </View>
      )}

      {showArticles && (
        <View>
          <Text className="notice-page__section">公众号文章</Text>
          <LoadStatus of={articles} />
          {articles.data && arts.length === 0 && <StatusView kind="empty" message={q ? '没有找到相关文章' : '暂无公众号文章'} />}
          {arts.length > 0 && (
            <View className="notice-page__card">
              <ArticleList items={arts} />
            </View>
          )}
          <FollowAccount userName={articles.data?.account.userName} />
        </View>
      )}
    </View>
  )
}
