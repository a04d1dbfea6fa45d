import { Text, Textarea, View } from '@tarojs/components'
import { useState } from 'react'
import type { VisitView } from '../../../../types/contracts/visit'
import type { VisitSlot } from '../../../../types/domain/visit'
import type { Result } from '../../../../types/result'
import { BigButton } from '../../../components/big-button'
import { CheckBox } from '../../../components/check-box'
import { ChoiceChips } from '../../../components/choice-chips'
import { FormField } from '../../../components/form-field'
import { Section } from '../../../components/section'
import { LoadStatus } from '../../../components/status-view'
import { TextField } from '../../../components/text-field'
import { useLoad } from '../../../hooks/useLoad'
import { visitApi } from '../../../services/api/visit'
import { errorText, toast } from '../../../utils/alert'
import { HalfDayPicker } from '../../../components/half-day-picker'

export interface PanelProps {
  v: VisitView
  onDone: () => void
}

/**
 * One send of a panel: busy while it runs (the button says so and a second tap does nothing),
 * the server's words under the form when refused, a toast and a reload when done.
 */
function useSend(onDone: () => void, doneText: string) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')
  const send = async (call: () => Promise<Result<unknown>>) => {
    if (busy) return
    setBusy(true)
    setError('')
    const r = await call()
    setBusy(false)
    if (!r.ok) return setError(errorText(r.error))
    toast(doneText, 'success')
    onDone()
  }
  return { busy, error, send }
}

const ErrorLine = ({ text }: { text: string }) => (text ? <Text className="visit-page__error">{text}</Text> : null)

/** 派单: one of the department's staff and a half day; the citizen is asked to confirm it. */
export function AssignPanel({ v, onDone }: PanelProps) {
  const options = useLoad(() => visitApi.staffOptions({ visitId: v.visitId }), [v.visitId], { onShow: false })
  const [staffNo, setStaffNo] = useState(v.assignee?.staffNo ?? '')
  const [slot, setSlot] = useState<VisitSlot | undefined>(v.slot ? { date: v.slot.date, half: v.slot.half } : undefined)
  const { busy, error, send } = useSend(onDone, '已派单，等待群众确认')
  const o = options.data
  return (
    <Section title={v.assignee ? '改派或改时间' : '派单'}>
      <LoadStatus of={options} />
      {o && (
        <View>
          <Text className="visit-page__note">上门人员</Text>
          <ChoiceChips
            name="staff"
            options={o.staff.map((s) => ({ value: s.staffNo, label: `${s.name} ${s.staffNo}` }))}
            value={staffNo}
            onChange={setStaffNo}
          />
          <Text className="visit-page__note">上门时间（群众希望：{v.preferred.map((p) => p.label).join('、')}）</Text>
          <HalfDayPicker dates={o.dates} chosen={slot ? [slot] : []} onToggle={(s) => setSlot(s)} />
          <ErrorLine text={error} />
          <View className="visit-page__actions">
            <BigButton
              text="派单并通知群众"
              disabled={!staffNo || !slot}
              loading={busy}
              loadingText="正在派单…"
              onClick={() => slot && send(() => visitApi.assign({ visitId: v.visitId, staffNo, slot }))}
            />
          </View>
        </View>
      )}
    </Section>
  )
}

/** 不予安排: a reason the citizen reads. */
export function DeclinePanel({ v, onDone }: PanelProps) {
  const [reason, setReason] = useState('')
  const { busy, error, send } = useSend(onDone, '已告知群众')
  return (
    <Section title="不予安排上门">
      <FormField label="原因（将告知群众）" name="declineReason">
        <Textarea
          className="visit-page__textarea"
          value={reason}
          maxlength={200}
          placeholder="例如：该地址不在本县服务范围，可委托亲属到大厅办理"
          onInput={(e) => setReason(e.detail.value)}
        />
      </FormField>
      <ErrorLine text={error} />
      <View className="visit-page__actions">
        <BigButton
          kind="secondary"
          text="确认不予安排"
          loading={busy}
          loadingText="正在提交…"
          onClick={() => send(() => visitApi.decline({ visitId: v.visitId, reason }))}
        />
      </View>
    </Section>
  )
}

const CASE_NO = {
  label: '办件编号（选填）',
  maxlength: 20,
  placeholder: 'ZW开头，群众在线申请后可见',
  hint: '只能关联申请人本人该事项的办件',
}

/** 登记上门: the materials taken from the matter's checklist, a note, and the case if the citizen applied. */
export function RecordPanel({ v, onDone }: PanelProps) {
  const [taken, setTaken] = useState<number[]>([])
  const [note, setNote] = useState('')
  const [caseNo, setCaseNo] = useState('')
  const { busy, error, send } = useSend(onDone, '已登记上门')
  const toggle = (i: number, on: boolean) => setTaken((xs) => (on ? [...xs, i] : xs.filter((x) => x !== i)))
  return (
    <Section title="登记上门情况">
      <Text className="visit-page__note">带去或收取的材料</Text>
      {v.materials.map((m, i) => (
        <CheckBox key={m} name={`material-${i}`} label={m} checked={taken.includes(i)} onChange={(on) => toggle(i, on)} />
      ))}
      <FormField label="情况说明（选填）" name="visitNote">
        <Textarea
          className="visit-page__textarea"
          value={note}
          maxlength={500}
          placeholder="例如：已现场采集照片，协助填写申请表"
          onInput={(e) => setNote(e.detail.value)}
        />
      </FormField>
      <TextField name="caseNo" {...CASE_NO} value={caseNo} onType={setCaseNo} />
      <ErrorLine text={error} />
      <View className="visit-page__actions">
        <BigButton
          text="登记上门"
          loading={busy}
          loadingText="正在登记…"
          onClick={() =>
            send(() =>
              visitApi.record({
                visitId: v.visitId,
                materials: taken,
                ...(note.trim() ? { note } : {}),
                ...(caseNo.trim() ? { caseNo } : {}),
              }),
            )
          }
        />
      </View>
    </Section>
  )
}

/** 关联办件 after the visit: the citizen applied online on the spot or later. */
export function LinkCasePanel({ v, onDone }: PanelProps) {
  const [caseNo, setCaseNo] = useState('')
  const { busy, error, send } = useSend(onDone, '已关联办件')
  return (
    <Section title="关联办件">
      <TextField name="linkCaseNo" {...CASE_NO} label="办件编号" value={caseNo} onType={setCaseNo} />
      <ErrorLine text={error} />
      <View className="visit-page__actions">
        <BigButton
          kind="secondary"
          text="关联办件"
          disabled={!caseNo.trim()}
          loading={busy}
          loadingText="正在关联…"
          onClick={() => send(() => visitApi.linkCase({ visitId: v.visitId, caseNo }))}
        />
      </View>
    </Section>
  )
}
