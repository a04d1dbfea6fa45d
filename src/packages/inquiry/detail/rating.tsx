import { Text, View } from '@tarojs/components'
import type { ActionOutput } from '../../../../types/contracts/contract'
import type { InquiryView } from '../../../../types/contracts/inquiry'
import type { ratingContract } from '../../../../types/contracts/rating'
import { ROUTES } from '../../../../types/routes'
import { BigButton } from '../../../components/big-button'
import { InfoRow } from '../../../components/info-row'
import { Section } from '../../../components/section'
import { useLoad } from '../../../hooks/useLoad'
import { ratingApi } from '../../../services/api/rating'
import { navigate } from '../../../utils/nav'

type Summary = ActionOutput<typeof ratingContract, 'myRatings'>['items'][number]

/**
 * My 好差评 rating of this inquiry, if any. Loaded by the page itself, not by the block that shows
 * it: that block mounts after the page's first show, and a load there would miss coming back from
 * the rating form (useLoad takes a component's first show for the page opening).
 */
export function useInquiryRating(inquiryId: string) {
  const mine = useLoad(() => ratingApi.myRatings({}), [inquiryId])
  return {
    loaded: !!mine.data,
    rated: mine.data?.items.find((r) => r.objectKind === 'inquiry' && r.objectId === inquiryId),
  }
}

/**
 * 评价本次答复: answered inquiries are rated through 好差评 (the rating function), like cases and
 * hall visits. My ratings say whether this one was rated; until then the entry shows while the
 * inquiry allows a rating.
 */
export function RateEntry({ q, canRate, mine }: { q: InquiryView; canRate: boolean; mine: { loaded: boolean; rated?: Summary } }) {
  const { rated } = mine
  if (rated)
    return (
      <Section title="已评价">
        <InfoRow label="满意程度" strong>
          {rated.levelLabel}
          {rated.isDefault ? '（默认评价）' : ''}
        </InfoRow>
        {rated.stateLabel && <InfoRow label="差评处理">{rated.stateLabel}</InfoRow>}
        <View
          className="inquiry-page__link"
          hoverClass="inquiry-page__link--pressed"
          onClick={() => navigate(ROUTES.feedbackRating, { id: rated.ratingId })}
        >
          查看评价 ›
        </View>
      </Section>
    )
  if (!canRate || !mine.loaded) return null
  return (
    <Section title="评价本次答复">
      <Text className="inquiry-page__note">您的评价计入本中心好差评，差评由部门核实整改并反馈。</Text>
      <BigButton text="评价本次答复" onClick={() => navigate(ROUTES.feedbackRate, { objectKind: 'inquiry', objectId: q.inquiryId })} />
    </Section>
  )
}
