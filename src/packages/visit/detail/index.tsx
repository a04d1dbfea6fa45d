import Taro from '@tarojs/taro'
import { Text, Textarea, View } from '@tarojs/components'
import { useState } from 'react'
import type { VisitView } from '../../../../types/contracts/visit'
import type { VisitSlot } from '../../../../types/domain/visit'
import { visitTone } from '../../../../types/domain/visit'
import { ROUTES } from '../../../../types/routes'
import { BigButton } from '../../../components/big-button'
import { FormField } from '../../../components/form-field'
import { Section } from '../../../components/section'
import { LoadStatus } from '../../../components/status-view'
import { Tag } from '../../../components/tag'
import { useLargeText } from '../../../hooks/useLargeText'
import { useLoad } from '../../../hooks/useLoad'
import { visitApi } from '../../../services/api/visit'
import { alertError, confirm, toast } from '../../../utils/alert'
import { navigate, useQuery } from '../../../utils/nav'
import { HalfDayPicker, toggleSlot } from '../../../components/half-day-picker'
import { VisitInfo } from '../../../components/visit-info'
import '../visit.scss'

const TONES = { waiting: 'orange', done: 'green', ended: 'gray' } as const

/** The request's stage in one sentence: what happens next and who does it. */
function stageText(v: VisitView): string {
  switch (v.state) {
    case 'requested':
      return `${v.departmentName}将于${v.contactDue}前为您安排上门时间。`
    case 'reschedule_requested':
      return '已申请另约时间，部门将重新安排。'
    case 'assigned':
      return '部门已安排上门时间，请确认；时间不合适可申请另约。'
    case 'confirmed':
      return '已约定上门时间，工作人员上门时请核对其姓名和工号。'
    case 'visited':
      return v.linkedCase ? '已上门服务，办件已关联，可查看办理进度。' : '已上门服务。如需在线申请，可点下方按钮。'
    case 'cancelled':
      return '您已取消本次上门服务。'
    case 'declined':
      return `部门未能安排上门：${v.declineReason ?? ''}`
  }
}

/** Another time: new half days (optional) and a word why; the lead assigns again. */
function Reschedule({ v, onDone }: { v: VisitView; onDone: () => void }) {
  const dates = useLoad(() => visitApi.options({ matterId: v.matterId }), [v.matterId], { onShow: false })
  const [chosen, setChosen] = useState<VisitSlot[]>([])
  const [note, setNote] = useState('')
  const [busy, setBusy] = useState(false)
  const send = async () => {
    if (busy) return
    setBusy(true)
    const r = await visitApi.reschedule({
      visitId: v.visitId,
      ...(note.trim() ? { note } : {}),
      ...(chosen.length ? { preferred: chosen } : {}),
    })
    setBusy(false)
    if (!r.ok) return alertError('未能提交', r.error)
    toast('已申请另约时间', 'success')
    onDone()
  }
  return (
    <Section title="申请另约时间">
      <LoadStatus of={dates} />
      {dates.data && <HalfDayPicker dates={dates.data.dates} chosen={chosen} onToggle={(s) => setChosen((c) => toggleSlot(c, s))} />}
      <FormField label="说明（选填）" name="rescheduleNote">
        <Textarea
          className="visit-page__textarea"
          value={note}
          maxlength={200}
          placeholder="例如：那天要去医院复查"
          onInput={(e) => setNote(e.detail.value)}
        />
      </FormField>
      <View className="visit-page__actions">
        <BigButton text="提交另约申请" loading={busy} loadingText="正在提交…" onClick={send} />
      </View>
    </Section>
  )
}

function Detail({ v, fresh, onChanged }: { v: VisitView; fresh: boolean; onChanged: () => void }) {
  const [busy, setBusy] = useState<'confirm' | 'cancel' | ''>('')
  const [rescheduling, setRescheduling] = useState(false)
  const can = (a: VisitView['allowedActions'][number]) => v.allowedActions.includes(a)
  const tone = visitTone(v.state)

  const act = async (kind: 'confirm' | 'cancel') => {
    if (busy) return
    if (
      kind === 'cancel' &&
      !(await confirm({
        title: '取消上门服务',
        content: '确定取消本次上门服务吗？',
        confirmText: '确定取消',
        cancelText: '再想想',
        danger: true,
      }))
    )
      return
    setBusy(kind)
    const r = kind === 'confirm' ? await visitApi.confirm({ visitId: v.visitId }) : await visitApi.cancel({ visitId: v.visitId })
    setBusy('')
    if (!r.ok) return alertError(kind === 'confirm' ? '未能确认' : '未能取消', r.error)
    toast(kind === 'confirm' ? '已确认上门时间' : '已取消', 'success')
    onChanged()
  }

  return (
    <View>
      {fresh && v.state === 'requested' && (
        <View className="visit-page__done">
          <Text className="visit-page__done-title">申请已提交</Text>
          <Text className="visit-page__line">部门安排好时间后会通知您确认。</Text>
        </View>
      )}
      <View className={`visit-page__card visit-page__card--${tone}`}>
        <Text className="visit-page__big">{v.matterName}</Text>
        <View className="visit-page__line">
          <Tag text={v.stateLabel} tone={TONES[tone]} />
        </View>
        <Text className="visit-page__line">{stageText(v)}</Text>
        {v.slot && (v.state === 'assigned' || v.state === 'confirmed') && (
          <Text className="visit-page__line visit-page__strong">上门时间：{v.slot.label}</Text>
        )}
        {v.assignee && v.state !== 'cancelled' && v.state !== 'declined' && (
          <Text className="visit-page__line">
            工作人员：{v.assignee.name}（工号 {v.assignee.staffNo}）
          </Text>
        )}
        {v.departmentPhone && (
          <View
            className="visit-page__link"
            hoverClass="visit-page__link--pressed"
            onClick={() => Taro.makePhoneCall({ phoneNumber: v.departmentPhone }).catch(() => {})}
          >
            {v.departmentName}电话：{v.departmentPhone}（点击拨打）
          </View>
        )}
      </View>

      <View className="visit-page__actions">
        {can('confirm') && (
          <BigButton text="确认上门时间" loading={busy === 'confirm'} loadingText="正在确认…" onClick={() => act('confirm')} />
        )}
        {can('reschedule') && !rescheduling && <BigButton kind="secondary" text="另约时间" onClick={() => setRescheduling(true)} />}
        {v.linkedCase && (
          <BigButton text={`查看办件 ${v.linkedCase.caseNo}`} onClick={() => navigate(ROUTES.caseDetail, { id: v.linkedCase!.caseId })} />
        )}
        {v.canApplyOnline && (
          <BigButton kind="secondary" text="在线申请此事项" onClick={() => navigate(ROUTES.caseApply, { matterId: v.matterId })} />
        )}
      </View>
      {rescheduling && (
        <Reschedule
          v={v}
          onDone={() => {
            setRescheduling(false)
            onChanged()
          }}
        />
      )}

      <VisitInfo v={v} />

      {can('cancel') && (
        <View className="visit-page__actions">
          <BigButton
            kind="secondary"
            text="取消上门服务"
            loading={busy === 'cancel'}
            loadingText="正在取消…"
            onClick={() => act('cancel')}
          />
        </View>
      )}
    </View>
  )
}

/** 上门服务进度: the stage, the time set and who comes, the citizen's actions, and what was asked. */
export default function VisitDetail() {
  const { rootClass } = useLargeText()
  const { id = '', fresh } = useQuery(ROUTES.visitDetail)
  const v = useLoad(() => visitApi.get({ visitId: id }), [id])
  return (
    <View className={`${rootClass} visit-page visit-detail`}>
      <LoadStatus of={v} missing="未找到该上门服务申请" />
      {v.data && <Detail v={v.data} fresh={fresh === '1'} onChanged={v.refresh} />}
    </View>
  )
}
