import { Text } from '@tarojs/components'
import type { CaseView } from '../../../../types/contracts/case'
import { Section } from '../../../components/section'
import { SupplementList } from '../supplement-list'

/** At the top of a 补正: everything the clerk asked for, before the form it is corrected in. */
export function SupplementBanner({ supplement }: { supplement: NonNullable<CaseView['supplement']> }) {
  return (
    <Section title={`需要补正的内容（共${supplement.items.length}项）`}>
      <SupplementList supplement={supplement} />
      <Text className="case-page__note">请按以上内容修改表单或重新上传材料，然后点「提交补正」。</Text>
    </Section>
  )
}
