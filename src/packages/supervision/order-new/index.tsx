import { Picker, Text, View } from '@tarojs/components'
import { useRef, useState } from 'react'
import { orderObjectInput, type OrderObjectInput } from '../../../../types/contracts/supervision/orders'
import { ROUTES } from '../../../../types/routes'
import { BigButton } from '../../../components/big-button'
import { InfoRow } from '../../../components/info-row'
import { LoadStatus, StatusView } from '../../../components/status-view'
import { Section } from '../../../components/section'
import { useLargeText } from '../../../hooks/useLargeText'
import { useLoad } from '../../../hooks/useLoad'
import { catalogApi } from '../../../services/api/catalog'
import { supervisionApi } from '../../../services/api/supervision'
import { longDate } from '../../../utils/dates'
import { redirect, useQuery } from '../../../utils/nav'
import { newRequestId } from '../../../utils/request-id'
import { StaffOnly } from '../../staff/load-status'
import { useStaffMe } from '../../staff/staff'
import { DaysBox, TextBox } from '../../../components/step-form'
import { StepForm, useStep } from '../order/panels'
import { objectLine } from '../orders/order-parts'
import '../../staff/staff.scss'
import '../order/index.scss'
import './index.scss'

/** The object named by the page's query (`kind` and `id`), checked as the contract checks it; undefined when it is not one. */
function objectOf(kind: string | undefined, id: string | undefined): OrderObjectInput | undefined {
  const raw =
    kind === 'case'
      ? { kind, caseId: id }
      : kind === 'rating'
        ? { kind, ratingId: id }
        : kind === 'complaint'
          ? { kind, complaintId: id }
          : { kind: kind ?? 'pattern' }
  const parsed = orderObjectInput.safeParse(raw)
  return parsed.success ? parsed.data : undefined
}

function IssueForm({ object }: { object: OrderObjectInput }) {
  const draft = useLoad(() => supervisionApi.orderDraft({ object }), [JSON.stringify(object)], { onShow: false })
  const depts = useLoad(() => catalogApi.listDepartments(), [], { onShow: false })
  const [deptIndex, setDeptIndex] = useState(-1)
  const [reason, setReason] = useState('')
  const [requirement, setRequirement] = useState('')
  const [days, setDays] = useState('')
  const requestId = useRef('')
  const { act, submit } = useStep('issue', (data) =>
    redirect(ROUTES.supervisionOrder, { id: (data as { orderId: string }).orderId, fresh: 1 }),
  )
  const changed =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      requestId.current = ''
      set(v)
    }

  if (!draft.data) return <LoadStatus of={draft} missing="未找到督办对象" />
  const d = draft.data
  const departments = depts.data?.departments ?? []
  const picked = deptIndex >= 0 ? departments[deptIndex] : undefined
  const send = () => {
    if (days.trim() && !/^\d{1,2}$/.test(days.trim())) return act.refuse({ workingDays: '请填写回复期限的工作日数' })
    if (!d.departmentId && !picked) return act.refuse({ departmentId: '请选择被督办的部门' })
    requestId.current ||= newRequestId('so')
    const input = {
      object,
      ...(d.departmentId ? {} : { departmentId: picked?.id }),
      reason,
      requirement,
      ...(days.trim() ? { workingDays: Number(days) } : {}),
      requestId: requestId.current,
    }
    return submit(input, () => supervisionApi.issueOrder(input))
  }

  return (
    <View>
      <View className="staff__head">
        <Text className="staff__title">发出督办单</Text>
        <Text className="staff__sub">被督办部门的负责人会收到督办单，须在回复期限内回复整改情况；逾期未回复的通报中心主任。</Text>
      </View>
      <Section title="督办对象">
        <InfoRow label="对象" strong>
          {objectLine(d.object)}
        </InfoRow>
        {d.object.caseNo && <InfoRow label="办件编号">{d.object.caseNo}</InfoRow>}
        {d.departmentName && <InfoRow label="部门">{d.departmentName}</InfoRow>}
        {!d.departmentId && (
          <View className={`sv-order-new__dept${act.errors.departmentId ? ' sv-order-new__dept--error' : ''}`}>
            <Picker
              mode="selector"
              range={departments.map((x) => x.name)}
              value={Math.max(deptIndex, 0)}
              onChange={(e) => changed(setDeptIndex)(Number(e.detail.value))}
            >
              <View className="sv-orders__picker sv-order-new__picker">被督办部门：{picked?.name ?? '请选择'} ▾</View>
            </Picker>
            {act.errors.departmentId && <Text className="form-field__error">{act.errors.departmentId}</Text>}
          </View>
        )}
      </Section>
      {d.openOrderId ? (
        <View>
          <Text className="staff__error">该对象已有未办结的督办单，请在原督办单上跟进。</Text>
          <View className="staff__actions">
            <BigButton text="查看督办单" onClick={() => redirect(ROUTES.supervisionOrder, { id: d.openOrderId ?? '' })} />
          </View>
        </View>
      ) : (
        <StepForm step="issue" busy={act.busy} error={act.errors.form ?? act.errors.object} onSubmit={send}>
          <TextBox
            name="reason"
            label="督办事由"
            hint="至少4个字"
            placeholder="如：办件超过承诺时限未办结"
            value={reason}
            max={200}
            error={act.errors.reason}
            onInput={changed(setReason)}
          />
          <TextBox
            name="requirement"
            label="整改要求"
            hint="至少4个字"
            placeholder="如：请查明延误原因，督促办结并回复整改情况"
            value={requirement}
            max={300}
            error={act.errors.requirement}
            onInput={changed(setRequirement)}
          />
          <DaysBox
            name="workingDays"
            label="回复期限（工作日，选填）"
            hint={`不填为${d.replyWorkingDays}个工作日，即${longDate(d.defaultDueDate)}；最多${d.maxWorkingDays}个工作日`}
            value={days}
            error={act.errors.workingDays}
            onInput={changed(setDays)}
          />
        </StepForm>
      )}
    </View>
  )
}

/** 发出督办: the office issues a 督办单 about a case, a 差评, a complaint (prefilled from the page that links here) or a pattern. */
export default function SupervisionOrderNew() {
  const { rootClass } = useLargeText()
  const q = useQuery(ROUTES.supervisionOrderNew)
  const object = objectOf(q.kind, q.id)
  const me = useStaffMe()
  const refused = <StatusView kind="empty" message="仅限中心效能监督发出督办" />
  return (
    <View className={`${rootClass} staff sv-order sv-order-new`}>
      <StaffOnly me={me} notStaff={refused}>
        {(m) =>
          m.role !== 'supervisor' ? refused : object ? <IssueForm object={object} /> : <StatusView kind="error" message="督办对象不正确" />
        }
      </StaffOnly>
    </View>
  )
}
