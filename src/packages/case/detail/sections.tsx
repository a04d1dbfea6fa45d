import { Text, View } from '@tarojs/components'
import type { CaseView } from '../../../../types/contracts/case'
import type { CaseState } from '../../../../types/domain/case-machine'
import { InfoRow } from '../../../components/info-row'
import { Section } from '../../../components/section'
import { windowName } from '../../../utils/windows'

/* The case page's blocks that depend only on the case: the result, and the time before acceptance. */

/** The result block: 准予 or 不予 with the reason, then where to get it (pickup code or tracking number). */
export function Result({ c }: { c: CaseView }) {
  const r = c.result
  if (!r) return null
  return (
    <Section title="办理结果">
      {r.decision && (
        <InfoRow label="结果" strong>
          {r.decision === 'approved' ? '准予办理' : '不予办理'}
        </InfoRow>
      )}
      {r.reason && <InfoRow label="理由">{r.reason}</InfoRow>}
      {r.pickup && (
        <View className="case-pickup">
          {r.pickup.code && (
            <View className="case-pickup__code-box">
              <Text className="case-pickup__label">取件码</Text>
              <Text className="case-pickup__code">{r.pickup.code}</Text>
              <Text className="case-pickup__hint">请携带本人身份证，向窗口出示取件码</Text>
            </View>
          )}
          <InfoRow label="领取窗口" strong>
            {windowName({ number: r.pickup.windowNumber, name: r.pickup.windowName })}
          </InfoRow>
          <InfoRow label="地点">{r.pickup.location}</InfoRow>
        </View>
      )}
      {r.mail && (
        <View>
          <InfoRow label="快递" strong>
            {r.mail.carrier} {r.mail.trackingNo}
          </InfoRow>
          <InfoRow label="寄往">{r.mail.address}</InfoRow>
        </View>
      )}
    </Section>
  )
}

/** What happens next while a case is not accepted yet: the state in plain words. */
export const NEXT_STEP: Partial<Record<CaseState, string>> = {
  draft: '填写完整并提交后，由窗口预审材料。',
  submitted: '已提交，等待窗口预审材料，一般1个工作日内。',
  pre_review: '窗口正在预审材料，材料齐全即受理；需要补充的会一次性告知。',
  supplement_requested: '请按上面的要求补正后重新提交，补正期间不计时。',
  resubmitted: '已补正，窗口正在审核补正的材料。',
}

/** Before acceptance the legal clock has not started: say how long it will be and what comes next. */
export function BeforeAcceptance({ c }: { c: CaseView }) {
  const days = c.promisedLimitDays ?? 0
  return (
    <Section title="办理时限">
      <InfoRow label="承诺时限">{days === 0 ? '即办（受理当日办结）' : `${days}个工作日，受理后开始计算`}</InfoRow>
      {NEXT_STEP[c.state] && <Text className="case-page__note">{NEXT_STEP[c.state]}</Text>}
    </Section>
  )
}
