import { Image, Text, View } from '@tarojs/components'
import type { OfficialArticle } from '../../../types/contracts/notice'
import { openArticle } from './official'

/** The 公众号's published articles: cover (a copy in our storage), title, digest; a tap opens the article. */
export function ArticleList({ items }: { items: OfficialArticle[] }) {
  return (
    <View>
      {items.map((a) => (
        <View key={a.articleId + a.url} className="notice-article" hoverClass="notice-article--pressed" onClick={() => openArticle(a.url)}>
          {a.coverUrl ? (
            <Image className="notice-article__cover" src={a.coverUrl} mode="aspectFill" />
          ) : (
            <View className="notice-article__cover" />
          )}
          <View className="notice-article__text">
            <Text className="notice-article__title">{a.title}</Text>
            {a.digest && <Text className="notice-article__digest">{a.digest}</Text>}
            <Text className="notice-article__from">公众号文章 ›</Text>
          </View>
        </View>
      ))}
    </View>
  )
}
