import { Text, View } from '@tarojs/components'
import { useEffect } from 'react'
import type { FollowedCaseView } from '../../../../types/contracts/case'
import { isFinishedCase } from '../../../../types/domain/case-machine'
import { ROUTES } from '../../../../types/routes'
import { BigButton } from '../../../components/big-button'
import { CaseDeadline } from '../../../components/case-deadline'
import { CaseTimeline } from '../../../components/case-timeline'
import { InfoRow } from '../../../components/info-row'
import { Section } from '../../../components/section'
import { LoadStatus, StatusView } from '../../../components/status-view'
import { Tag } from '../../../components/tag'
import { useLargeText } from '../../../hooks/useLargeText'
import { useLoad } from '../../../hooks/useLoad'
import { usePushRead } from '../../../hooks/usePushRead'
import { caseApi } from '../../../services/api/case'
import { askConsent, prefetchConsent } from '../../../services/subscribe'
import { toast } from '../../../utils/alert'
import { beijingDateTime, CASE_STATE_TONES } from '../../../utils/case'
import { redirect, useQuery } from '../../../utils/nav'
import '../case.scss'
import '../detail/index.scss'
import './index.scss'
import { windowName } from '../../../utils/windows'

/** Ready: where to collect, and why the code is not here (the window hands the result to whoever shows it). */
function Pickup({ c }: { c: FollowedCaseView }) {
  if (!c.pickup) return null
  return (
    <View className="followed__ready">
      <Text className="followed__ready-title">已办好，可以领取了</Text>
      <InfoRow label="领取窗口" strong>
        {windowName({ number: c.pickup.windowNumber, name: c.pickup.windowName })}
      </InfoRow>
      <InfoRow label="地点">{c.pickup.location}</InfoRow>
      <Text className="followed__ready-note">取件码只发给申请人本人。如需代领，请向申请人要取件码。</Text>
    </View>
  )
}

function Followed({ c, fresh }: { c: FollowedCaseView; fresh: boolean }) {
  const d = c.deadline
  // One tap, one more push: a one-time 订阅消息 grant lets the centre send one message (WeChat's rule).
  const remind = async () => {
    await askConsent('follow_relative')
    toast('有进展时会提醒您')
  }
  return (
    <View>
      {fresh && (
        <View className="case-detail__success">
          <Text className="case-detail__success-title">关注成功，办理有进展时会通知您</Text>
        </View>
      )}
      <View className={`case-detail__card case-detail__card--${c.state}`}>
        <Text className="case-detail__matter">{c.matterName}</Text>
        <View className="case-detail__state followed__state">
          <Tag text={c.stateLabel} tone={CASE_STATE_TONES[c.state]} />
        </View>
        <Text className="case-detail__no">办件编号 {c.caseNo}</Text>
        <Text className="case-detail__meta">申请人 {c.applicantName}</Text>
        {c.submittedAt && <Text className="case-detail__meta">提交时间 {beijingDateTime(c.submittedAt)}</Text>}
      </View>

      <Pickup c={c} />

      {d && <CaseDeadline state={c.state} deadline={d} />}

      <Section title="办理进度">
        {/* The follower's copy has no notes and no internal steps; the timeline takes the applicant's shape. */}
        <CaseTimeline entries={c.timeline.map((e) => ({ ...e, internal: false }))} deadlineChanges={c.deadlineChanges} />
      </Section>

      {/* A finished case has no progress left to be told about. */}
      {!isFinishedCase(c.state) && c.state !== 'withdrawn' && (
        <View className="case-page__actions">
          <BigButton kind="secondary" text="有进展时提醒我" onClick={remind} />
        </View>
      )}
      <Text className="case-page__note case-page__note--pad">您看到的是家人分享的办理进度，不含证件号、材料和取件码。</Text>
    </View>
  )
}

/** 家人办件进度: what a bound relative reads (and where a follower's push opens, `&msgId=` marks it read). */
export default function FollowedCase() {
  const { rootClass } = useLargeText()
  const q = useQuery(ROUTES.caseFollowed)
  const id = q.id ?? ''
  const fresh = q.fresh === '1'
  usePushRead(q.msgId)
  useEffect(() => prefetchConsent('follow_relative'), [])
  const kase = useLoad(() => caseApi.followedCase({ caseId: id }), [id])
  const gone = kase.error?.code === 'NOT_FOUND' || kase.error?.code === 'INVALID_INPUT' ? kase.error : undefined

  return (
    <View className={`${rootClass} case-page case-detail followed`}>
      {/* Revoked since: the view goes at once, even over an older copy. */}
      {gone && (
        <View className="followed__gone">
          <StatusView kind="empty" message={gone.message} />
          <Text className="case-page__note case-page__note--pad case-page__note--center">
            申请人可能已取消您的关注。如需继续关注，请让家人重新分享。
          </Text>
          <View className="case-page__actions">
            <BigButton kind="secondary" text="我关注的办件" onClick={() => redirect(ROUTES.caseFollowedList)} />
          </View>
        </View>
      )}
      {!gone && !kase.data && <LoadStatus of={kase} />}
      {!gone && kase.data && kase.error && <Text className="case-page__error">刷新失败：{kase.error.message}</Text>}
      {!gone && kase.data && <Followed c={kase.data} fresh={fresh} />}
    </View>
  )
}
