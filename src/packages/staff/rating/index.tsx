import { Text, View } from '@tarojs/components'
import { useState, type ComponentType } from 'react'
import type { StaffBadView } from '../../../../types/contracts/rating'
import { ROUTES } from '../../../../types/routes'
import { BigButton } from '../../../components/big-button'
import { InfoRow } from '../../../components/info-row'
import { LoadStatus } from '../../../components/status-view'
import { Section } from '../../../components/section'
import { Tag } from '../../../components/tag'
import { useLargeText } from '../../../hooks/useLargeText'
import { useLoad } from '../../../hooks/useLoad'
import { ratingApi } from '../../../services/api/rating'
import { longDate } from '../../../utils/dates'
import { messageTime } from '../../../utils/messages'
import { useQuery } from '../../../utils/nav'
import { AnonymityNote, dueLine, levelLine, LightBadge, objectLine, waitingOn } from '../ratings/bad-parts'
import { useStaffMe } from '../staff'
import { AppealPanel, DecideAppealPanel, DecideExtensionPanel, ExtensionPanel, ReplyPanel, VerifyPanel, type PanelProps } from './panels'
import { STEP_LABELS, STEPS, type Step } from './steps'
import '../staff.scss'
import './index.scss'

const PANELS: Record<Step, ComponentType<PanelProps>> = {
  verify: VerifyPanel,
  reply: ReplyPanel,
  requestExtension: ExtensionPanel,
  appeal: AppealPanel,
  decideExtension: DecideExtensionPanel,
  decideAppeal: DecideAppealPanel,
}

const EXTENSION_STATUS = { pending: '待审核', approved: '已同意', rejected: '未同意' } as const
const APPEAL_STATUS = { pending: '待审核', upheld: '申诉成立', rejected: '申诉不成立' } as const

function Head({ v, windows }: { v: StaffBadView; windows: Parameters<typeof objectLine>[1] }) {
  const waiting = waitingOn(v)
  return (
    <View className="staff__head">
      <Text className="staff__title">{v.title}</Text>
      <View className="staff-rating__state">
        <Tag text={v.stateLabel} tone={v.due ? 'orange' : 'gray'} />
        {v.due && <LightBadge light={v.due.light} />}
      </View>
      <Text className="staff__sub">{objectLine(v, windows)}</Text>
      {v.servedBy && <Text className="staff__sub">服务工号 {v.servedBy}</Text>}
      {dueLine(v) && <Text className={`staff-rating__due staff-rating__due--${v.due?.light ?? 'none'}`}>{dueLine(v, true)}</Text>}
      {waiting && <Text className="staff-rating__waiting">{waiting}</Text>}
    </View>
  )
}

function Record({ v }: { v: StaffBadView }) {
  return (
    <>
      <Section title="评价内容">
        <InfoRow label="评价" strong>
          {levelLine(v)}
        </InfoRow>
        <InfoRow label="时间">{messageTime(v.ratedAt)}</InfoRow>
        <Text className="staff-rating__text">{v.text}</Text>
        <AnonymityNote />
      </Section>
      {(v.extension || v.appeal) && (
        <Section title="延期与申诉">
          {v.extension && (
            <InfoRow label="延期">
              {v.extension.days}个工作日 · {EXTENSION_STATUS[v.extension.status]}（原期限{longDate(v.extension.dueBefore)}）
            </InfoRow>
          )}
          {v.appeal && (
            <InfoRow label="申诉">
              {v.appeal.kind} · {APPEAL_STATUS[v.appeal.status]}
            </InfoRow>
          )}
        </Section>
      )}
      {v.followUp && (
        <Section title="评价人追评">
          <InfoRow label="追评" strong>
            {v.followUp.levelLabel}
          </InfoRow>
          <Text className="staff-rating__text">{v.followUp.text}</Text>
        </Section>
      )}
      <Section title="处理记录">
        {v.timeline.map((e, i) => (
          <View key={i} className={`staff-rating__entry staff-rating__entry--${e.kind}`}>
            <Text className="staff-rating__entry-head">
              {messageTime(e.at)} {e.label}
              {e.staffNo ? `（${e.staffNo}）` : ''}
            </Text>
            {e.text && <Text className="staff-rating__entry-text">{e.text}</Text>}
          </View>
        ))}
      </Section>
    </>
  )
}

function Detail({ v, windows, onChanged }: { v: StaffBadView; windows: Parameters<typeof objectLine>[1]; onChanged: () => void }) {
  const [open, setOpen] = useState<Step | null>(null)
  const steps = STEPS.filter((s) => v.allowedActions.includes(s))
  const Panel = open && PANELS[open]
  return (
    <View>
      <Head v={v} windows={windows} />
      {!Panel && steps.length > 0 && (
        <View className="staff__actions staff-rating__actions">
          {steps.map((s, i) => (
            <BigButton key={s} kind={i === 0 ? 'primary' : 'secondary'} text={STEP_LABELS[s]} onClick={() => setOpen(s)} />
          ))}
        </View>
      )}
      {Panel && (
        <Panel
          key={open}
          v={v}
          onCancel={() => setOpen(null)}
          onDone={() => {
            setOpen(null)
            onChanged()
          }}
        />
      )}
      {steps.length === 0 && <Text className="staff__note">{v.due ? '当前环节不需要您操作。' : '该差评已处理完毕。'}</Text>}
      <Record v={v} />
    </View>
  )
}

/** 差评处理: one 差评 with its clock and light, the steps the loop allows the caller, and its record. */
export default function StaffRating() {
  const { rootClass } = useLargeText()
  const id = useQuery(ROUTES.staffRating).id ?? ''
  const v = useLoad(() => ratingApi.badRating({ ratingId: id }), [id], { intervalMs: 60_000 })
  const me = useStaffMe()
  return (
    <View className={`${rootClass} staff staff-rating`}>
      {!v.data && <LoadStatus of={v} missing="未找到该差评，或不属于本部门" />}
      {v.data && <Detail v={v.data} windows={me.data?.allWindows} onChanged={v.refresh} />}
    </View>
  )
}
