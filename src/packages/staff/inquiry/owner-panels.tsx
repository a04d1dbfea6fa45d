import { Picker, View } from '@tarojs/components'
import { useState } from 'react'
import { ChoiceChips } from '../../../components/choice-chips'
import { FormField } from '../../../components/form-field'
import { inquiryApi } from '../../../services/api/inquiry'
import { toast } from '../../../utils/alert'
import { ActionForm, ReasonField, StaffNoField } from './action-form'
import { PANEL_LABELS, type Panel, type PanelProps } from './panel-props'
import { useAction } from '../../../hooks/useAction'

const TRANSFER_TO = [
  { value: 'department', label: '转给其他部门' },
  { value: 'staff', label: '转给本部门同事' },
] as const
const HANDED_ON = '如：属于其他部门职责'

/** After the action: 已转交 (已改派, 已结束咨询), then back to the inquiry, or out of it when it `left` the department. */
const saidDone = (panel: Panel, onDone: PanelProps['onDone'], left?: boolean) => () => {
  toast(`已${PANEL_LABELS[panel]}`)
  onDone(left)
}

/** 转交: to another department (its staff claim it there) or to a colleague of mine, with the reason. */
export function TransferPanel({ q, departments, onDone, onCancel }: PanelProps) {
  const act = useAction()
  const [to, setTo] = useState<'department' | 'staff'>('department')
  const targets = departments.filter((d) => d.id !== q.departmentId)
  const [deptIndex, setDeptIndex] = useState(-1)
  const [staffNo, setStaffNo] = useState('')
  const [reason, setReason] = useState('')

  const submit = () => {
    const toDepartment = to === 'department'
    if (toDepartment && deptIndex < 0) return act.refuse({ toDepartmentId: '请选择转交的部门' })
    const target = toDepartment ? { toDepartmentId: targets[deptIndex].id } : { toStaffNo: staffNo }
    return act.run(() => inquiryApi.transfer({ inquiryId: q.inquiryId, reason, ...target }), saidDone('transfer', onDone, toDepartment))
  }

  return (
    <ActionForm panel="transfer" act={act} onSubmit={submit} onCancel={onCancel}>
      <View>
        <ChoiceChips name="transfer-to" options={TRANSFER_TO} value={to} onChange={setTo} />
        {to === 'department' ? (
          <FormField label="转交部门" name="toDepartment" error={act.errors.toDepartmentId} hint="转交后由该部门工作人员认领">
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
          <StaffNoField
            label="同事工号"
            hint="如 ZW0003"
            placeholder="输入同事的工号"
            value={staffNo}
            error={act.errors.toStaffNo}
            onInput={setStaffNo}
          />
        )}
      </View>
      <ReasonField label="转交原因" placeholder={HANDED_ON} value={reason} error={act.errors.reason} onInput={setReason} />
    </ActionForm>
  )
}

/** 改派 (a department lead within the department, a supervisor across): to a staff number, with the reason. */
export function ReassignPanel({ q, onDone, onCancel }: PanelProps) {
  const act = useAction()
  const [staffNo, setStaffNo] = useState('')
  const [reason, setReason] = useState('')
  const submit = () =>
    act.run(() => inquiryApi.reassign({ inquiryId: q.inquiryId, toStaffNo: staffNo, reason }), saidDone('reassign', onDone))
  return (
    <ActionForm panel="reassign" act={act} onSubmit={submit} onCancel={onCancel}>
      <StaffNoField
        label="改派给（工号）"
        hint="部门负责人在本部门内改派，效能监督可跨部门"
        placeholder="输入工作人员工号"
        value={staffNo}
        error={act.errors.toStaffNo}
        onInput={setStaffNo}
      />
      <ReasonField label="改派原因" placeholder={HANDED_ON} value={reason} error={act.errors.reason} onInput={setReason} />
    </ActionForm>
  )
}

/** 结束咨询: the owner ends it, with the reason. */
export function ClosePanel({ q, onDone, onCancel }: PanelProps) {
  const act = useAction()
  const [reason, setReason] = useState('')
  const submit = () => act.run(() => inquiryApi.close({ inquiryId: q.inquiryId, reason }), saidDone('close', onDone))
  return (
    <ActionForm panel="close" act={act} onSubmit={submit} onCancel={onCancel}>
      <ReasonField
        label="结束原因"
        placeholder="如：已电话答复，提问人无其他问题"
        value={reason}
        error={act.errors.reason}
        onInput={setReason}
      />
    </ActionForm>
  )
}
