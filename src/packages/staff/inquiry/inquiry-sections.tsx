import { Text, View } from '@tarojs/components'
import type { InquiryView } from '../../../../types/contracts/inquiry'
import { InfoRow } from '../../../components/info-row'
import { Section } from '../../../components/section'
import { Tag } from '../../../components/tag'
import { monthDay } from '../../../utils/dates'
import { dueText, INQUIRY_STATE_TONES } from '../../../utils/inquiry'
import { messageTime } from '../../../utils/messages'

const HISTORY_LABELS: Record<InquiryView['history'][number]['kind'], string> = {
  asked: '提问',
  claimed: '认领',
  transferred: '转交',
  reassigned: '改派',
  closed: '工作人员结束',
  resolved: '提问人确认已解决',
}

/** The topic, state and reply deadline, matter, department and owner, asker; then any deadline flags. */
export function InquiryHead({ q }: { q: InquiryView }) {
  return (
    <>
      <View className="staff__head">
        <Text className="staff__title">{q.topic}</Text>
        <View className="staff-inquiry__state">
          <Tag text={q.stateLabel} tone={INQUIRY_STATE_TONES[q.state]} />
          {q.due && <Tag text={dueText(q.due, true)} tone={q.due.level === 'ok' ? 'gray' : 'orange'} />}
        </View>
        <Text className="staff__sub">{q.matterName ? `事项：${q.matterName}` : '中心综合咨询'}</Text>
        {q.caseNo && <Text className="staff__sub">催办办件 {q.caseNo}</Text>}
        <Text className="staff__sub">
          {q.departmentName} · 负责人 {q.owner ? `${q.owner.name}（${q.owner.staffNo}）` : '待认领'}
        </Text>
        {q.askerName && <Text className="staff__sub">提问人 {q.askerName}</Text>}
      </View>

      {q.flags && q.flags.length > 0 && (
        <Text className="staff__error">
          {q.flags.map((f) => `${f.level === 'overdue' ? '已超期' : '临近期限'}（期限${monthDay(f.dueDate)}）`).join('；')}
        </Text>
      )}
    </>
  )
}

interface RecordLine {
  at: string
  head: string
  detail?: string
}

/** A reply or a follow-up as a line of the record: who, and its first words. */
const REPLY_EXCERPT = 40
const excerpt = (text: string) => (Array.from(text).length > REPLY_EXCERPT ? `${Array.from(text).slice(0, REPLY_EXCERPT).join('')}…` : text)

/** 处理记录 in time order: the ownership steps with their reasons, the replies and the asker's follow-ups. */
function recordLines(q: InquiryView, deptName: (id?: string) => string): RecordLine[] {
  const steps = q.history.map((h) => ({
    at: h.at,
    head: `${HISTORY_LABELS[h.kind]}${h.staffNo ? `（${h.staffNo}）` : ''}${h.toDepartmentId ? ` → ${deptName(h.toDepartmentId)}` : ''}${
      h.toStaffNo ? ` → ${h.toStaffNo}` : ''
    }`,
    ...(h.reason ? { detail: `原因：${h.reason}` } : {}),
  }))
  const talk = q.messages.map((m) => ({
    at: m.at,
    head: m.from === 'staff' ? `答复${m.staff ? `（${m.staff.name} ${m.staff.staffNo}）` : ''}` : '提问人追问',
    detail: excerpt(m.text),
  }))
  return [...steps, ...talk].sort((a, b) => Date.parse(a.at) - Date.parse(b.at))
}

/** 提问人评价 (when rated) and 处理记录: every claim, transfer, reassignment, reply and close, with its reason. */
export function InquiryRecord({ q, deptName }: { q: InquiryView; deptName: (id?: string) => string }) {
  return (
    <>
      {q.rating && (
        <Section title="提问人评价">
          <InfoRow label="评分" strong>
            {q.rating.score}分
          </InfoRow>
          {q.rating.comment && <InfoRow label="评价">{q.rating.comment}</InfoRow>}
        </Section>
      )}

      <Section title="处理记录">
        {recordLines(q, deptName).map((r, i) => (
          <View key={i} className="staff-inquiry__history">
            <Text className="staff-inquiry__history-head">
              {messageTime(r.at)} {r.head}
            </Text>
            {r.detail && <Text className="staff-inquiry__history-reason">{r.detail}</Text>}
          </View>
        ))}
      </Section>
    </>
  )
}
