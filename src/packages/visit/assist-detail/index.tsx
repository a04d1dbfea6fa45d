import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { AssistView } from '../../../../types/contracts/assist'
import { ROUTES } from '../../../../types/routes'
import { AssistRecord, assistStateTag } from '../../../components/assist-record'
import { BigButton } from '../../../components/big-button'
import { LoadStatus } from '../../../components/status-view'
import { useLargeText } from '../../../hooks/useLargeText'
import { useLoad } from '../../../hooks/useLoad'
import { assistApi } from '../../../services/api/assist'
import { alertError, confirm, toast } from '../../../utils/alert'
import { monthDay } from '../../../utils/dates'
import { navigate, useQuery } from '../../../utils/nav'
import '../assist-page.scss'
import './index.scss'

/** What the citizen is waiting for, in one line. */
function nextStep(a: AssistView): string {
  switch (a.state) {
    case 'requested':
      return a.overdue
        ? '帮办员尚未认领，已超过认领期限，中心办公室会督促处理。'
        : `帮办员将在${monthDay(a.claimDue)}前认领并与您电话联系。`
    case 'claimed':
      return '帮办员已认领，会与您电话联系，请留意来电。'
    case 'drafted':
      return '帮办员已为您代填网上申请，请核对内容，确认后提交。'
    case 'confirmed':
      return '您已提交申请，帮办员会继续跟进，可在办件进度中查看。'
    case 'closed':
      return '帮办已办结。'
    case 'cancelled':
      return '您已取消这个帮办申请。'
  }
}

function Detail({ a, fresh, onChanged }: { a: AssistView; fresh: boolean; onChanged: () => void }) {
  const [busy, setBusy] = useState(false)
  const can = (x: AssistView['allowedActions'][number]) => a.allowedActions.includes(x)

  const cancel = async () => {
    if (busy) return
    const sure = await confirm({
      title: '取消帮办申请',
      content: '取消后帮办员将不再跟进，确定取消吗？',
      confirmText: '确定取消',
      danger: true,
    })
    if (!sure) return
    setBusy(true)
    const r = await assistApi.cancel({ assistId: a.assistId })
    setBusy(false)
    if (r.ok) toast('已取消')
    else await alertError('未能取消', r.error)
    onChanged()
  }

  return (
    <View>
      {fresh && a.state === 'requested' && (
        <View className="assist-page__done">
          <Text className="assist-page__done-title">帮办申请已提交</Text>
          <Text>帮办员会在{monthDay(a.claimDue)}前与您联系，请保持电话畅通。</Text>
        </View>
      )}
      <View className="assist-page__head">
        <View className="assist-detail__state">{assistStateTag(a)}</View>
        <Text className="assist-page__title">{a.matterName}</Text>
        <Text className="assist-page__sub">{nextStep(a)}</Text>
      </View>
      {a.prepared && a.state === 'drafted' && (
        <Text className="assist-page__note assist-detail__prepared">帮办员说明：{a.prepared.note}</Text>
      )}
      <View className="assist-page__actions">
        {can('confirm') && a.matterId && (
          <BigButton text="核对并提交申请" onClick={() => navigate(ROUTES.caseApply, { matterId: a.matterId, assistId: a.assistId })} />
        )}
        {a.caseId && <BigButton text="查看办件进度" onClick={() => navigate(ROUTES.caseDetail, { id: a.caseId ?? '' })} />}
        {can('cancel') && (
          <>
            <View className="assist-page__gap" />
            <BigButton kind="secondary" text="取消帮办申请" loading={busy} onClick={cancel} />
          </>
        )}
      </View>
      <AssistRecord a={a} />
    </View>
  )
}

/** 帮办代办进度: the state and the next step, the prepared application to check and submit, and the record. */
export default function AssistDetail() {
  const { rootClass } = useLargeText()
  const q = useQuery(ROUTES.assistDetail)
  const a = useLoad(() => assistApi.get({ assistId: q.id ?? '' }), [q.id])
  return (
    <View className={`${rootClass} assist-page assist-detail`}>
      {!a.data && <LoadStatus of={a} missing="未找到该帮办申请" />}
      {a.data && <Detail a={a.data} fresh={!!q.fresh} onChanged={a.refresh} />}
    </View>
  )
}
