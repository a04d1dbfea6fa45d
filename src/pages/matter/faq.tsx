import { Text, View } from '@tarojs/components'
import { FaqList } from '../../components/faq-list'
import { Section } from '../../components/section'
import { useLoad } from '../../hooks/useLoad'
import { inquiryApi } from '../../services/api/inquiry'

/** 常见问题: answers staff published from real inquiries (personal data removed on the server). */
export function Faq({ matterId }: { matterId: string }) {
  const faq = useLoad(() => inquiryApi.faqForMatter({ matterId }), [matterId], { onShow: false })
  const items = faq.data?.items
  return (
    <Section title="常见问题">
      {!items && faq.loading && <Text className="matter__hint">正在读取…</Text>}
      {!items && !faq.loading && faq.error && (
        <View className="matter__faq-retry" hoverClass="matter__phone--pressed" onClick={faq.refresh}>
          常见问题加载失败，点击重试
        </View>
      )}
      {items && items.length > 0 && <FaqList items={items} />}
      {items?.length === 0 && <Text className="matter__hint">暂无常见问题。有疑问可点下方「咨询此事项」。</Text>}
    </Section>
  )
}
