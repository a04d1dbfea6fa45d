import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import type { CaseView } from '../../../../types/contracts/case'
import type { CaseAction } from '../../../../types/domain/case-machine'
import { BigButton } from '../../../components/big-button'
import { CaseDeadline } from '../../../components/case-deadline'
import { CaseTimeline } from '../../../components/case-timeline'
import { InfoRow } from '../../../components/info-row'
import { Section } from '../../../components/section'
import { StatusView } from '../../../components/status-view'
import { Tag } from '../../../components/tag'
import { useLargeText } from '../../../hooks/useLargeText'
import { useLiveRemote } from '../../../hooks/useLiveRemote'
import { completeSubtask, getCase } from '../../../services/case'
import { actionLabel, beijingDateTime, CASE_STATE_TONES, CONTENT_TYPE_LABELS, daysLeftText, fileSizeText } from '../../../utils/case'
import { openMaterial } from '../../../utils/files'
import { param } from '../../../utils/params'
import { ActionPanel } from './action-panel'
import { Deliveries } from './deliveries'
import '../staff.scss'
import './index.scss'

/** The case and its buttons: a tapped action opens its panel (action-panel.tsx). */
function Detail({ c, onChanged }: { c: CaseView; onChanged: () => void }) {
  const [pending, setPending] = useState<CaseAction | null>(null)
  const [busy, setBusy] = useState(false)
  const d = c.deadline
  const a = c.applicant

  const doSubtask = async () => {
    const ok = await Taro.showModal({ title: '本部门办结', content: '确认本部门承担的部分已经办完？', confirmText: '确认' })
    if (!ok.confirm) return
    setBusy(true)
    const r = await completeSubtask(c.caseId)
    setBusy(false)
    if (!r.ok) await Taro.showModal({ title: '未能完成', content: r.error.message, showCancel: false, confirmText: '知道了' })
    onChanged()
  }

  return (
    <View>
      <View className="staff__head">
        <Text className="staff__title">{c.matterName}</Text>
        <View className="staff-case__state">
          <Tag text={c.stateLabel} tone={CASE_STATE_TONES[c.state]} />
          {d && (
            <Tag text={d.paused ? '补正中，暂停计时' : daysLeftText(d.workingDaysLeft, d.overdue)} tone={d.overdue ? 'orange' : 'gray'} />
          )}
        </View>
        <Text className="staff__sub">办件编号 {c.caseNo}</Text>
        {c.submittedAt && <Text className="staff__sub">提交于 {beijingDateTime(c.submittedAt)}</Text>}
      </View>

      {c.allowedActions.length > 0 && !pending && (
        <View className="staff__actions staff-case__actions">
          {c.allowedActions.map((x, i) => (
            <View key={x} className={i > 0 ? 'staff-case__action-gap' : ''}>
              <BigButton kind={i === 0 ? 'primary' : 'secondary'} text={actionLabel(x)} disabled={busy} onClick={() => setPending(x)} />
            </View>
          ))}
        </View>
      )}
      {c.canCompleteSubtask && !pending && (
        <View className="staff__actions">
          <BigButton kind="secondary" text="本部门子任务办结" disabled={busy} onClick={doSubtask} />
        </View>
      )}
      {pending && (
        <ActionPanel
          key={pending}
          c={c}
          action={pending}
          onCancel={() => setPending(null)}
          onDone={() => {
            setPending(null)
            onChanged()
          }}
        />
      )}
      {c.allowedActions.length === 0 && !c.canCompleteSubtask && <Text className="staff__note">当前状态下您没有可进行的操作。</Text>}

      {d && <CaseDeadline deadline={d} />}

      <Section title="申请人">
        <InfoRow label="姓名" strong>
          {a.name}
        </InfoRow>
        <InfoRow label="身份证">{a.idNumber}</InfoRow>
        <InfoRow label="手机号">{a.phone}</InfoRow>
        {a.address && <InfoRow label="地址">{a.address}</InfoRow>}
        <Text className="staff-case__hint">查看记录已留痕。个人信息仅用于办理本件。</Text>
      </Section>

      {c.formFields.length > 0 && (
        <Section title="申请表">
          {c.formFields.map((f) => (
            <InfoRow key={f.key} label={f.label} wide>
              {c.form[f.key] === undefined ? '（未填）' : String(c.form[f.key])}
            </InfoRow>
          ))}
        </Section>
      )}

      <Section title="申请材料">
        {c.materials.map((m) => (
          <View key={m.index} className="staff-case__material">
            <Text className="staff-case__material-name">
              {m.index + 1}. {m.name}
            </Text>
            <View>
              <Tag text={m.required ? '必须' : '按情况'} tone={m.required ? 'orange' : 'gray'} />
              {!m.uploadable && <Tag text="窗口核验" tone="gray" />}
            </View>
            {m.uploadable && m.files.length === 0 && <Text className="staff-case__hint">未上传</Text>}
            {m.files.map((f) => (
              <View key={f.libraryId} className="staff-file">
                <Text className="staff-file__name">{f.fileName}</Text>
                <Text className="staff-file__size">
                  {CONTENT_TYPE_LABELS[f.contentType]} {fileSizeText(f.size)}
                </Text>
                {f.url ? (
                  <View
                    className="staff-file__open"
                    hoverClass="staff-file__open--pressed"
                    onClick={() => openMaterial(f.url!, f.contentType)}
                  >
                    查看
                  </View>
                ) : (
                  <Text className="staff-file__size">无权查看</Text>
                )}
              </View>
            ))}
          </View>
        ))}
        <Text className="staff-case__hint">查看链接10分钟内有效，过期请下拉刷新页面。</Text>
      </Section>

      <Section title="领取方式">
        {c.delivery.method === 'mail' ? (
          <View>
            <InfoRow label="方式" strong>
              邮寄
            </InfoRow>
            <InfoRow label="收件人">
              {c.delivery.recipient} {c.delivery.phone}
            </InfoRow>
            <InfoRow label="地址">{c.delivery.address}</InfoRow>
          </View>
        ) : (
          <InfoRow label="方式" strong>
            统一窗口领取
          </InfoRow>
        )}
        {c.result?.pickup && (
          <InfoRow label="出件窗口">
            {c.result.pickup.windowNumber}号窗口 {c.result.pickup.windowName}
          </InfoRow>
        )}
        {c.result?.mail && (
          <InfoRow label="运单">
            {c.result.mail.carrier} {c.result.mail.trackingNo}
          </InfoRow>
        )}
        {c.result?.reason && <InfoRow label="不予理由">{c.result.reason}</InfoRow>}
      </Section>

      {c.supplement && (
        <Section title={`补正告知（第${c.supplement.round}次）`}>
          {c.supplement.items.map((i, n) => (
            <InfoRow key={n} label={`${n + 1}.`}>
              {i.target}：{i.problem}
            </InfoRow>
          ))}
          {c.supplement.note && <InfoRow label="说明">{c.supplement.note}</InfoRow>}
        </Section>
      )}

      {c.subtasks && c.subtasks.length > 0 && (
        <Section title="联办子任务">
          {c.subtasks.map((s) => (
            <InfoRow key={s.departmentId} label={s.done ? '已完成' : '办理中'}>
              {s.departmentName}
              {s.staffNo ? `（工号${s.staffNo}）` : ''}
            </InfoRow>
          ))}
        </Section>
      )}

      <Section title="办理记录（含内部备注）">
        <CaseTimeline entries={c.timeline} deadlineChanges={c.deadlineChanges} />
      </Section>

      <Deliveries caseId={c.caseId} version={`${c.state}:${c.timeline.length}`} />
    </View>
  )
}

/** A case as staff see it: applicant, materials (temporary links), timeline, and exactly the allowed actions. */
export default function StaffCase() {
  const { rootClass } = useLargeText()
  const { params } = useRouter()
  const id = param(params.id)
  const kase = useLiveRemote(() => getCase(id), [id])

  return (
    <View className={`${rootClass} staff staff-case`}>
      {!kase.data && kase.loading && <StatusView kind="loading" />}
      {!kase.data && kase.error && (
        <StatusView
          kind={kase.error.code === 'NOT_FOUND' || kase.error.code === 'INVALID_INPUT' ? 'empty' : 'error'}
          message={kase.error.message}
          onRetry={kase.refresh}
        />
      )}
      {kase.data && kase.error && <Text className="staff__error">刷新失败：{kase.error.message}</Text>}
      {kase.data && <Detail c={kase.data} onChanged={kase.refresh} />}
    </View>
  )
}
