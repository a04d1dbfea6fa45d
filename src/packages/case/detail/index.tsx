import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { CaseView } from '../../../../types/contracts/case'
import { isFinishedCase } from '../../../../types/domain/case-machine'
import { ROUTES } from '../../../../types/routes'
import { BigButton } from '../../../components/big-button'
import { CaseDeadline } from '../../../components/case-deadline'
import { CaseTimeline } from '../../../components/case-timeline'
import { ReadAloud } from '../../../components/read-aloud'
import { caseSpeech } from '../../../components/read-aloud/case-speech'
import { InfoRow } from '../../../components/info-row'
import { Section } from '../../../components/section'
import { LoadStatus } from '../../../components/status-view'
import { Tag } from '../../../components/tag'
import { useLargeText } from '../../../hooks/useLargeText'
import { useLoad } from '../../../hooks/useLoad'
import { usePushRead } from '../../../hooks/usePushRead'
import { caseApi } from '../../../services/api/case'
import { alert, confirm, toast } from '../../../utils/alert'
import { beijingDateTime, CASE_STATE_TONES, fileSizeText } from '../../../utils/case'
import { navigate, redirect, useQuery } from '../../../utils/nav'
import { SupplementList } from '../supplement-list'
import { QueryCode } from './query-code'
import { BeforeAcceptance, NEXT_STEP, Result } from './sections'
import '../case.scss'
import './index.scss'

const FRESH: Record<string, string> = {
  submitted: '申请已提交，请留意预审结果',
  resubmitted: '补正材料已提交，请留意审核结果',
}

function Detail({ c, fresh, onChanged }: { c: CaseView; fresh: string; onChanged: () => void }) {
  const [busy, setBusy] = useState(false)
  const can = (a: CaseView['allowedActions'][number]) => c.allowedActions.includes(a)
  const d = c.deadline

  const withdraw = async () => {
    const sure = await confirm({
      title: '撤回申请',
      content: '撤回后本次申请结束，如需办理须重新申请。确定撤回吗？',
      confirmText: '确定撤回',
      cancelText: '不撤回',
      danger: true,
    })
    if (!sure) return
    setBusy(true)
    Taro.showLoading({ title: '正在撤回', mask: true })
    const r = await caseApi.act({ caseId: c.caseId, transition: 'withdraw' })
    Taro.hideLoading()
    setBusy(false)
    if (r.ok) toast('已撤回', 'success')
    else await alert('未能撤回', r.error.message)
    onChanged()
  }
  const edit = () => navigate(ROUTES.caseApply, { caseId: c.caseId })

  return (
    <View>
      {FRESH[fresh] && (
        <View className="case-detail__success">
          <Text className="case-detail__success-title">{FRESH[fresh]}</Text>
        </View>
      )}
      <View className={`case-detail__card case-detail__card--${c.state}`}>
        <Text className="case-detail__matter">{c.matterName}</Text>
        <View className="case-detail__state">
          <Tag text={c.stateLabel} tone={CASE_STATE_TONES[c.state]} />
        </View>
        <Text className="case-detail__no">办件编号 {c.caseNo}</Text>
        {c.submittedAt && <Text className="case-detail__meta">提交时间 {beijingDateTime(c.submittedAt)}</Text>}
        {c.onBehalf && (
          <Text className="case-detail__meta">
            代家人申请：申请人{c.applicant.name}是您的{c.onBehalf.relation}
          </Text>
        )}
      </View>
      <ReadAloud text={caseSpeech(c, NEXT_STEP[c.state])} />

      {c.state === 'supplement_requested' && c.supplement && (
        <Section title={`请补正以下${c.supplement.items.length}项内容`}>
          <SupplementList supplement={c.supplement} />
          <Text className="case-page__note">告知时间 {beijingDateTime(c.supplement.requestedAt)}。补正期间办理时限暂停计算。</Text>
        </Section>
      )}

      {(can('resubmit') || can('submit')) && (
        <View className="case-page__actions">
          {can('resubmit') && <BigButton text="去补正" disabled={busy} onClick={edit} />}
          {can('submit') && <BigButton text="继续填写并提交" disabled={busy} onClick={edit} />}
        </View>
      )}

      {d && (
        <CaseDeadline
          state={c.state}
          deadline={d}
          prediction={c.prediction}
          onUrge={() => navigate(ROUTES.inquiryAsk, { matterId: c.matterId, caseId: c.caseId, caseNo: c.caseNo })}
        />
      )}
      {!d && c.promisedLimitDays !== undefined && <BeforeAcceptance c={c} />}

      <Result c={c} />

      {c.queryCode && c.state !== 'draft' && <QueryCode caseId={c.caseId} code={c.queryCode} onChanged={onChanged} />}

      {c.state !== 'draft' && (
        <View
          className="case-detail__share"
          hoverClass="case-detail__share--pressed"
          onClick={() => navigate(ROUTES.caseShare, { id: c.caseId })}
        >
          <Text className="case-detail__share-title">{c.onBehalf ? `分享给${c.onBehalf.relation}查看` : '分享给家人查看'}</Text>
          <Text className="case-detail__share-desc">家人用自己的微信看进度，看不到取件码和材料 ›</Text>
        </View>
      )}

      {c.state !== 'draft' && (
        <View className="case-detail__feedback">
          {isFinishedCase(c.state) && (
            <View
              className="case-detail__feedback-link"
              hoverClass="case-detail__feedback-link--pressed"
              onClick={() => navigate(ROUTES.feedbackRate, { objectKind: 'case', objectId: c.caseId })}
            >
              评价这次办理（好差评）›
            </View>
          )}
          <View
            className="case-detail__feedback-link"
            hoverClass="case-detail__feedback-link--pressed"
            onClick={() => navigate(ROUTES.complaintNew, { kind: 'case', caseId: c.caseNo })}
          >
            对办理有意见？向中心办公室投诉 ›
          </View>
        </View>
      )}

      {c.subtasks && c.subtasks.length > 0 && (
        <Section title="联办部门">
          {c.subtasks.map((s) => (
            <InfoRow key={s.departmentId} label={s.done ? '已完成' : '办理中'}>
              {s.departmentName}
            </InfoRow>
          ))}
        </Section>
      )}

      <Section title="办理进度">
        <CaseTimeline entries={c.timeline} deadlineChanges={c.deadlineChanges} />
      </Section>

      <Section title="已提交材料">
        {c.materials.filter((m) => m.files.length > 0).length === 0 && <Text className="case-page__note">暂无网上提交的材料</Text>}
        {c.materials
          .filter((m) => m.files.length > 0)
          .map((m) => (
            <View key={m.index} className="case-detail__material">
              <Text className="case-detail__material-name">{m.name}</Text>
              {m.files.map((f) => (
                <View key={f.libraryId} className="case-file">
                  <Text className="case-file__name">{f.fileName}</Text>
                  <Text className="case-file__size">{fileSizeText(f.size)}</Text>
                </View>
              ))}
            </View>
          ))}
        <InfoRow label="领取方式">{c.delivery.method === 'mail' ? `邮寄：${c.delivery.address}` : '到中心统一窗口领取'}</InfoRow>
      </Section>

      {fresh && (
        <View className="case-page__actions">
          <BigButton kind="secondary" text="查看我的全部办件" onClick={() => redirect(ROUTES.caseMine)} />
        </View>
      )}

      {/* Ending the application is offered last and quietly, never as the page's first or main action. */}
      {can('withdraw') && (
        <View
          className={`case-detail__withdraw${busy ? ' case-detail__withdraw--busy' : ''}`}
          hoverClass="case-detail__withdraw--pressed"
          onClick={busy ? undefined : withdraw}
        >
          撤回申请
        </View>
      )}
    </View>
  )
}

/** 办件进度: state, legal deadline, what to supplement, the result and the whole timeline (全程公开). */
export default function CaseDetail() {
  const { rootClass } = useLargeText()
  const q = useQuery(ROUTES.caseDetail)
  const id = q.id ?? ''
  usePushRead(q.msgId)
  // Reloads when shown again: after 补正 the apply page returns here.
  const kase = useLoad(() => caseApi.getCase({ caseId: id }), [id])

  return (
    <View className={`${rootClass} case-page case-detail`}>
      {/* Over an older copy a failed refresh says nothing: the copy stays as it was. */}
      {!kase.data && <LoadStatus of={kase} />}
      {kase.data && <Detail c={kase.data} fresh={q.fresh ?? ''} onChanged={kase.refresh} />}
    </View>
  )
}
