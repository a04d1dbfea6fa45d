import { Text, View } from '@tarojs/components'
import type { ComplaintTimeline } from '../../../../types/contracts/complaint'
import { aboutLabel, COMPLAINT_STATE_TONES } from '../../../../types/domain/complaint'
import { ComplaintContent } from '../../../components/complaint-content'
import { Section } from '../../../components/section'
import { Tag } from '../../../components/tag'
import { beijingDateTime } from '../../../utils/case'
import { longDate } from '../../../utils/dates'

interface Step {
  key: string
  title: string
  at?: string
  text?: string
  /** The deadline this step started, once met (until then it is a step of its own): 受理期限, 办结期限. */
  due?: string
  /** done: happened; wait: a date still ahead; bad: refused. */
  tone: 'done' | 'wait' | 'bad'
}

/** The complaint's stages in order: what happened with its time, and the due dates still ahead. */
export function stepsOf(t: ComplaintTimeline): Step[] {
  const steps: Step[] = [
    {
      key: 'submitted',
      title: '已提交投诉',
      at: beijingDateTime(t.submittedAt),
      ...(t.state !== 'submitted' ? { due: `受理期限 ${longDate(t.decideDue)}` } : {}),
      tone: 'done',
    },
  ]
  if (t.state === 'submitted') steps.push({ key: 'decideDue', title: `中心办公室将于${longDate(t.decideDue)}前决定是否受理`, tone: 'wait' })
  if (t.state === 'not_accepted')
    steps.push({
      key: 'notAccepted',
      title: '不予受理',
      at: t.decidedAt && beijingDateTime(t.decidedAt),
      text: t.notAcceptReason,
      tone: 'bad',
    })
  else if (t.decidedAt)
    steps.push({
      key: 'accepted',
      title: t.departmentName ? `已受理，转${t.departmentName}办理` : '已受理，由中心办公室办理',
      at: beijingDateTime(t.decidedAt),
      ...(t.resolveDue && t.officeReply ? { due: `办结期限 ${longDate(t.resolveDue)}` } : {}),
      tone: 'done',
    })
  if (t.departmentReply)
    steps.push({
      key: 'departmentReply',
      title: `${t.departmentName ?? '承办部门'}答复`,
      at: beijingDateTime(t.departmentReply.at),
      text: t.departmentReply.text,
      tone: 'done',
    })
  if (t.officeReply)
    steps.push({
      key: 'officeReply',
      title: '中心办公室办结答复',
      at: beijingDateTime(t.officeReply.at),
      text: t.officeReply.text,
      tone: 'done',
    })
  else if (t.resolveDue && t.state !== 'not_accepted')
    steps.push({ key: 'resolveDue', title: `将于${longDate(t.resolveDue)}前办结答复`, tone: 'wait' })
  return steps
}

/** The head card: what it is about, its state and number; then the complainant's own text and photos. */
export function ComplaintHead({ t, windowName }: { t: ComplaintTimeline; windowName: (windowId: string) => string }) {
  return (
    <>
      <View className="feedback-object complaint-track__head">
        <Text className="feedback-object__kind">
          {t.anonymous ? '匿名投诉' : '实名投诉'} · 编号 {t.trackingNo}
        </Text>
        <Text className="feedback-object__title">对{aboutLabel(t.about, windowName)}的投诉</Text>
        <View className="complaint-track__state">
          <Tag text={t.stateLabel} tone={COMPLAINT_STATE_TONES[t.state]} />
        </View>
      </View>
      <ComplaintContent text={t.text} photos={t.photos} />
    </>
  )
}

export function ComplaintSteps({ t }: { t: ComplaintTimeline }) {
  return (
    <Section title="办理进度">
      {stepsOf(t).map((s) => (
        <View key={s.key} className={`complaint-step complaint-step--${s.tone} complaint-step--${s.key}`}>
          <View className="complaint-step__dot" />
          <View className="complaint-step__body">
            <Text className="complaint-step__title">{s.title}</Text>
            {s.at && <Text className="complaint-step__at">{s.at}</Text>}
            {s.due && <Text className="complaint-step__at complaint-step__due">{s.due}</Text>}
            {s.text && <Text className="complaint-step__text">{s.text}</Text>}
          </View>
        </View>
      ))}
    </Section>
  )
}
