import { Input, Picker, Text, Textarea, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import type { FaqEntry, InquiryView } from '../../../../types/contracts/inquiry'
import type { InquiryAction } from '../../../../types/domain/inquiry'
import type { Issue } from '../../../../types/result'
import { BigButton } from '../../../components/big-button'
import { ChoiceChips } from '../../../components/choice-chips'
import { FormField } from '../../../components/form-field'
import { InfoRow } from '../../../components/info-row'
import { InquiryThread } from '../../../components/inquiry-thread'
import { Section } from '../../../components/section'
import { StatusView } from '../../../components/status-view'
import { Tag } from '../../../components/tag'
import { useInquiryMessage } from '../../../hooks/useInquiryMessage'
import { useLargeText } from '../../../hooks/useLargeText'
import { useLiveRemote } from '../../../hooks/useLiveRemote'
import { useRemote } from '../../../hooks/useRemote'
import { listDepartments } from '../../../services/catalog'
import {
  claimInquiry,
  closeInquiry,
  getInquiry,
  publishFaq,
  reassignInquiry,
  transferInquiry,
  unpublishFaq,
} from '../../../services/inquiry'
import { monthDay } from '../../../utils/dates'
import { openMaterial } from '../../../utils/files'
import { dueText, INQUIRY_STATE_TONES } from '../../../utils/inquiry'
import { messageTime } from '../../../utils/messages'
import { param } from '../../../utils/params'
import '../staff.scss'
import './index.scss'

type Panel = 'transfer' | 'reassign' | 'close' | 'publishFaq'
const PANEL_LABELS: Record<Panel, string> = { transfer: '转交', reassign: '改派', close: '结束咨询', publishFaq: '发布到常见问题' }
const PANELS: Panel[] = ['transfer', 'reassign', 'close', 'publishFaq']
const HISTORY_LABELS: Record<InquiryView['history'][number]['kind'], string> = {
  asked: '提问',
  claimed: '认领',
  transferred: '转交',
  reassigned: '改派',
  closed: '工作人员结束',
  resolved: '提问人确认已解决',
}
type Departments = { id: string; name: string }[]

/** Field errors from the server's issues (first message per field), or one form-level message. */
function errorsOf(issues: Issue[] | undefined, message: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const i of issues ?? []) out[i.path.split('.')[0] || 'form'] ??= i.message
  if (Object.keys(out).length === 0) out.form = message
  return out
}

/** 答复: the owner's reply; each one is pushed to the asker. The id is kept for a retry of the same text. */
function Reply({ q, onSent }: { q: InquiryView; onSent: () => void }) {
  const { text, setText, error, busy, send } = useInquiryMessage(
    q.inquiryId,
    { empty: '请输入答复内容', sent: '已答复，已通知提问人' },
    onSent,
  )
  return (
    <Section title="答复提问人">
      <FormField label="答复内容" name="reply" error={error} hint="提问人会收到消息提醒；请勿写入他人的个人信息">
        <Textarea
          className="staff-inquiry__textarea"
          value={text}
          maxlength={1000}
          placeholder="写明办理依据、所需材料、地点和时间"
          onInput={(e) => setText(e.detail.value)}
        />
      </FormField>
      <BigButton text={busy ? '正在发送…' : '发送答复'} disabled={busy} onClick={send} />
    </Section>
  )
}

/** The published entry as the server stored it, after removing personal data: staff check it, and can take it down. */
function Published({ f, onDone }: { f: FaqEntry & { removed: { idNumbers: number; phones: number; names: number } }; onDone: () => void }) {
  const [busy, setBusy] = useState(false)
  const r = f.removed
  const removedText = [r.idNumbers && `身份证号${r.idNumbers}处`, r.phones && `电话号码${r.phones}处`, r.names && `姓名${r.names}处`]
    .filter(Boolean)
    .join('、')
  const takeDown = async () => {
    setBusy(true)
    const x = await unpublishFaq(f.faqId)
    setBusy(false)
    if (x.ok) {
      Taro.showToast({ title: '已撤下', icon: 'none' })
      onDone()
    } else Taro.showModal({ title: '未能撤下', content: x.error.message, showCancel: false, confirmText: '知道了' })
  }
  return (
    <View className="staff-inquiry__published">
      <Text className="staff-inquiry__published-title">已发布到常见问题，请核对公开的内容</Text>
      <Text className="staff-inquiry__published-removed">{removedText ? `已自动去除：${removedText}` : '未发现需要去除的个人信息'}</Text>
      <Text className="staff-inquiry__published-q">问：{f.question}</Text>
      <Text className="staff-inquiry__published-a">答：{f.answer}</Text>
      <View className="staff-inquiry__buttons">
        <BigButton text="内容无误" disabled={busy} onClick={onDone} />
        <View className="staff__gap" />
        <BigButton kind="secondary" text={busy ? '正在撤下…' : '有问题，撤下'} disabled={busy} onClick={takeDown} />
      </View>
    </View>
  )
}

/** The inputs an ownership action needs (transfer, reassign, close) or the FAQ text, then the action itself. */
function ActionPanel({
  q,
  panel,
  departments,
  onDone,
  onCancel,
}: {
  q: InquiryView
  panel: Panel
  departments: Departments
  onDone: (left?: boolean) => void
  onCancel: () => void
}) {
  const [to, setTo] = useState<'department' | 'staff'>('department')
  const targets = departments.filter((d) => d.id !== q.departmentId)
  const [deptIndex, setDeptIndex] = useState(-1)
  const [staffNo, setStaffNo] = useState('')
  const [reason, setReason] = useState('')
  const lastReply = [...q.messages].reverse().find((m) => m.from === 'staff')?.text ?? ''
  const [faqQ, setFaqQ] = useState(q.question)
  const [faqA, setFaqA] = useState(lastReply)
  const [published, setPublished] = useState<Parameters<typeof Published>[0]['f'] | null>(null)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)

  const submit = async () => {
    if (busy) return
    if (panel === 'transfer' && to === 'department' && deptIndex < 0) return setErrors({ toDepartmentId: '请选择转交的部门' })
    setBusy(true)
    setErrors({})
    const id = q.inquiryId
    if (panel === 'publishFaq') {
      const r = await publishFaq({ inquiryId: id, question: faqQ, answer: faqA })
      setBusy(false)
      if (!r.ok) return setErrors(errorsOf(r.error.issues, r.error.message))
      return setPublished(r.data)
    }
    const r =
      panel === 'transfer'
        ? await transferInquiry({
            inquiryId: id,
            reason,
            ...(to === 'department' ? { toDepartmentId: targets[deptIndex].id } : { toStaffNo: staffNo }),
          })
        : panel === 'reassign'
          ? await reassignInquiry({ inquiryId: id, toStaffNo: staffNo, reason })
          : await closeInquiry(id, reason)
    setBusy(false)
    if (!r.ok) return setErrors(errorsOf(r.error.issues, r.error.message))
    Taro.showToast({ title: `已${PANEL_LABELS[panel]}`, icon: 'none' })
    onDone(panel === 'transfer' && to === 'department')
  }

  if (published) return <Published f={published} onDone={() => onDone()} />

  return (
    <View className={`section staff-inquiry-act staff-inquiry-act--${panel}`}>
      <Text className="section__title">{PANEL_LABELS[panel]}</Text>
      <View className="section__body">
        {panel === 'transfer' && (
          <View>
            <ChoiceChips
              name="transfer-to"
              options={[
                { value: 'department', label: '转给其他部门' },
                { value: 'staff', label: '转给本部门同事' },
              ]}
              value={to}
              onChange={setTo}
            />
            {to === 'department' ? (
              <FormField label="转交部门" name="toDepartment" error={errors.toDepartmentId} hint="转交后由该部门工作人员认领">
                <Picker
                  mode="selector"
                  range={targets.map((d) => d.name)}
                  value={Math.max(deptIndex, 0)}
                  onChange={(e) => setDeptIndex(Number(e.detail.value))}
                >
                  <View className="staff-inquiry__picker">{deptIndex >= 0 ? targets[deptIndex].name : '请选择部门 ▾'}</View>
                </Picker>
              </FormField>
            ) : (
              <FormField label="同事工号" name="toStaffNo" error={errors.toStaffNo} hint="如 ZW0003">
                <Input
                  className="form-field__input"
                  value={staffNo}
                  maxlength={12}
                  placeholder="输入同事的工号"
                  onInput={(e) => setStaffNo(e.detail.value)}
                />
              </FormField>
            )}
          </View>
        )}
        {panel === 'reassign' && (
          <FormField label="改派给（工号）" name="toStaffNo" error={errors.toStaffNo} hint="部门负责人在本部门内改派，效能监督可跨部门">
            <Input
              className="form-field__input"
              value={staffNo}
              maxlength={12}
              placeholder="输入工作人员工号"
              onInput={(e) => setStaffNo(e.detail.value)}
            />
          </FormField>
        )}
        {panel !== 'publishFaq' && (
          <FormField
            label={panel === 'close' ? '结束原因' : `${PANEL_LABELS[panel]}原因`}
            name="reason"
            error={errors.reason}
            hint="全程留痕，至少4个字"
          >
            <Input
              className="form-field__input"
              value={reason}
              maxlength={200}
              placeholder={panel === 'close' ? '如：已电话答复，提问人无其他问题' : '如：属于其他部门职责'}
              onInput={(e) => setReason(e.detail.value)}
            />
          </FormField>
        )}
        {panel === 'publishFaq' && (
          <View>
            <Text className="staff-inquiry__hint">可修改为通用的说法。发布时系统会去除身份证号、电话号码和姓名，发布后请核对。</Text>
            <FormField label="问题" name="faq-question" error={errors.question}>
              <Textarea
                className="staff-inquiry__textarea"
                value={faqQ}
                maxlength={1000}
                autoHeight
                onInput={(e) => setFaqQ(e.detail.value)}
              />
            </FormField>
            <FormField label="答复" name="faq-answer" error={errors.answer}>
              <Textarea
                className="staff-inquiry__textarea"
                value={faqA}
                maxlength={1000}
                autoHeight
                onInput={(e) => setFaqA(e.detail.value)}
              />
            </FormField>
          </View>
        )}
        {errors.form && <Text className="staff__error staff-inquiry-act__error">{errors.form}</Text>}
        <View className="staff-inquiry__buttons">
          <BigButton text={busy ? '正在提交…' : `确认${PANEL_LABELS[panel]}`} disabled={busy} onClick={submit} />
          <View className="staff__gap" />
          <BigButton kind="secondary" text="取消" disabled={busy} onClick={onCancel} />
        </View>
      </View>
    </View>
  )
}

function Detail({ q, departments, onChanged }: { q: InquiryView; departments: Departments; onChanged: () => void }) {
  const [panel, setPanel] = useState<Panel | null>(null)
  const [busy, setBusy] = useState(false)
  const can = (a: InquiryAction) => q.allowedActions.includes(a)
  const deptName = (id?: string) => departments.find((d) => d.id === id)?.name ?? id ?? ''
  const panels = PANELS.filter(can)

  const claim = async () => {
    if (busy) return
    setBusy(true)
    const r = await claimInquiry(q.inquiryId)
    setBusy(false)
    if (r.ok) Taro.showToast({ title: '已认领，请尽快答复', icon: 'none' })
    else await Taro.showModal({ title: '未能认领', content: r.error.message, showCancel: false, confirmText: '知道了' })
    onChanged()
  }

  return (
    <View>
      <View className="staff__head">
        <Text className="staff__title">{q.topic}</Text>
        <View className="staff-inquiry__state">
          <Tag text={q.stateLabel} tone={INQUIRY_STATE_TONES[q.state]} />
          {q.due && <Tag text={dueText(q.due, true)} tone={q.due.level === 'ok' ? 'gray' : 'orange'} />}
        </View>
        <Text className="staff__sub">{q.matterName ? `事项：${q.matterName}` : '中心综合咨询'}</Text>
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

      {can('claim') && !panel && (
        <View className="staff__actions staff-inquiry__claim">
          <BigButton text={busy ? '正在认领…' : '认领'} disabled={busy} onClick={claim} />
          <Text className="staff__note">首问负责制：认领后由您负责答复，直到答复完毕或正式转交。</Text>
        </View>
      )}

      <InquiryThread q={q} viewer="staff" onOpenImage={openMaterial} />

      {can('sendMessage') && !panel && <Reply q={q} onSent={onChanged} />}

      {panels.length > 0 && !panel && (
        <View className="staff__actions staff-inquiry__actions">
          {panels.map((p, i) => (
            <View key={p} className={i > 0 ? 'staff-inquiry__action-gap' : ''}>
              <BigButton kind="secondary" text={PANEL_LABELS[p]} disabled={busy} onClick={() => setPanel(p)} />
            </View>
          ))}
        </View>
      )}
      {panel && (
        <ActionPanel
          key={panel}
          q={q}
          panel={panel}
          departments={departments}
          onCancel={() => setPanel(null)}
          onDone={(left) => {
            setPanel(null)
            // Sent to another department: it leaves this department's view.
            if (left) Taro.navigateBack().catch(() => Taro.redirectTo({ url: '/packages/staff/inquiries/index' }))
            else onChanged()
          }}
        />
      )}
      {q.allowedActions.length === 0 && (
        <Text className="staff__note">{q.state === 'closed' ? '该咨询已结束。' : '当前您没有可进行的操作。'}</Text>
      )}

      {q.rating && (
        <Section title="提问人评价">
          <InfoRow label="评分" strong>
            {q.rating.score}分
          </InfoRow>
          {q.rating.comment && <InfoRow label="评价">{q.rating.comment}</InfoRow>}
        </Section>
      )}

      <Section title="处理记录">
        {q.history.map((h, i) => (
          <View key={i} className="staff-inquiry__history">
            <Text className="staff-inquiry__history-head">
              {messageTime(h.at)} {HISTORY_LABELS[h.kind]}
              {h.staffNo ? `（${h.staffNo}）` : ''}
              {h.toDepartmentId ? ` → ${deptName(h.toDepartmentId)}` : ''}
              {h.toStaffNo ? ` → ${h.toStaffNo}` : ''}
            </Text>
            {h.reason && <Text className="staff-inquiry__history-reason">原因：{h.reason}</Text>}
          </View>
        ))}
      </Section>
    </View>
  )
}

/** 咨询处理: the conversation with 认领, 答复, 转交, 改派, 结束 and 发布到常见问题 — the buttons the rule table allows. */
export default function StaffInquiry() {
  const { rootClass } = useLargeText()
  const { params } = useRouter()
  const id = param(params.id)
  const q = useLiveRemote(() => getInquiry(id), [id], 30_000)
  const deps = useRemote(listDepartments, [])
  const departments = deps.status === 'ready' ? deps.data.departments.map((d) => ({ id: d.id, name: d.name })) : []

  return (
    <View className={`${rootClass} staff staff-inquiry`}>
      {!q.data && q.loading && <StatusView kind="loading" />}
      {!q.data && q.error && (
        <StatusView
          kind={q.error.code === 'NOT_FOUND' || q.error.code === 'INVALID_INPUT' ? 'empty' : 'error'}
          message={q.error.message}
          onRetry={q.refresh}
        />
      )}
      {q.data && <Detail q={q.data} departments={departments} onChanged={q.refresh} />}
    </View>
  )
}
