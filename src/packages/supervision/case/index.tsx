import { Text, Textarea, View } from '@tarojs/components'
import { useState } from 'react'
import type { CaseView } from '../../../../types/contracts/case'
import type { LightItem, ViolationView } from '../../../../types/contracts/supervision/lights'
import { ok } from '../../../../types/result'
import { ROUTES } from '../../../../types/routes'
import { BigButton } from '../../../components/big-button'
import { CaseDeadline } from '../../../components/case-deadline'
import { CaseTimeline } from '../../../components/case-timeline'
import { FormField } from '../../../components/form-field'
import { InfoRow } from '../../../components/info-row'
import { LoadStatus } from '../../../components/status-view'
import { Section } from '../../../components/section'
import { useLargeText } from '../../../hooks/useLargeText'
import { useLoad } from '../../../hooks/useLoad'
import { caseApi } from '../../../services/api/case'
import { supervisionApi } from '../../../services/api/supervision'
import { toast } from '../../../utils/alert'
import { messageTime } from '../../../utils/messages'
import { navigate, useQuery } from '../../../utils/nav'
import { useStaffMe } from '../../staff/staff'
import { LightBadge, Reasons, ViolationCard } from '../cases/light-parts'
import '../../staff/staff.scss'
import '../cases/lights.scss'
import './index.scss'

/** A short text and one call: the appeal's reason, or the decision's note with 维持 / 撤销误报. */
function useSend(onDone: () => void) {
  const [text, setText] = useState('')
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState<string>()
  const send = async (which: string, call: (text: string) => Promise<{ ok: boolean; error?: { message: string } }>, done: string) => {
    if (busy) return
    setBusy(which)
    setError(undefined)
    const r = await call(text.trim())
    setBusy(undefined)
    if (!r.ok) return setError(r.error?.message)
    toast(done)
    setText('')
    onDone()
  }
  return { text, setText, error, busy, send }
}

function AppealPanel({ v, onDone }: { v: ViolationView; onDone: () => void }) {
  const s = useSend(onDone)
  return (
    <View className="sv-case__panel sv-case__panel--appeal">
      <FormField label="认为误报？写明申诉理由" name="appealReason" error={s.error}>
        <Textarea
          className="sv-case__textarea"
          value={s.text}
          maxlength={300}
          autoHeight
          placeholder="例如：实收金额录入错误，附缴费票据号"
          onInput={(e) => s.setText(e.detail.value)}
        />
      </FormField>
      <BigButton
        kind="secondary"
        text="提交申诉"
        loading={s.busy === 'appeal'}
        loadingText="正在提交…"
        onClick={() => s.send('appeal', (reason) => supervisionApi.appealViolation({ violationId: v.violationId, reason }), '已提交申诉')}
      />
    </View>
  )
}

function DecidePanel({ v, onDone }: { v: ViolationView; onDone: () => void }) {
  const s = useSend(onDone)
  const decide = (decision: 'upheld' | 'dismissed', done: string) =>
    s.send(decision, (note) => supervisionApi.decideAppeal({ violationId: v.violationId, decision, note }), done)
  return (
    <View className="sv-case__panel sv-case__panel--decide">
      <FormField label="申诉决定的理由" name="decisionNote" error={s.error}>
        <Textarea
          className="sv-case__textarea"
          value={s.text}
          maxlength={300}
          autoHeight
          placeholder="核查情况及依据，部门可见"
          onInput={(e) => s.setText(e.detail.value)}
        />
      </FormField>
      <BigButton text="撤销（误报）" loading={s.busy === 'dismissed'} disabled={!!s.busy} onClick={() => decide('dismissed', '已撤销')} />
      <View className="staff__gap" />
      <BigButton
        kind="secondary"
        text="维持（违规成立）"
        loading={s.busy === 'upheld'}
        disabled={!!s.busy}
        onClick={() => decide('upheld', '已维持')}
      />
    </View>
  )
}

/** One violation with its appeal and the decision, and the panel the reader may use. */
function Violation({ v, onChanged }: { v: ViolationView; onChanged: () => void }) {
  const a = v.appeal
  return (
    <View className="sv-case__violation">
      <ViolationCard v={v} />
      {a && (
        <View className="sv-case__appeal">
          <InfoRow label="申诉">
            {a.reason}（{a.by.staffNo}，{messageTime(a.at)}）
          </InfoRow>
          {a.decision && (
            <InfoRow label="决定" strong>
              {a.decision === 'dismissed' ? '撤销（误报）' : '维持'}：{a.note}
              {a.decidedAt ? `（${messageTime(a.decidedAt)}）` : ''}
            </InfoRow>
          )}
        </View>
      )}
      {v.canAppeal && <AppealPanel v={v} onDone={onChanged} />}
      {v.canDecide && <DecidePanel v={v} onDone={onChanged} />}
    </View>
  )
}

function LightSection({ light }: { light?: LightItem }) {
  if (!light || light.light === 'green')
    return (
      <Section title="灯色">
        <LightBadge light="green" label="绿灯" />
        <Text className="sv-case__calm">办理正常，暂无预警。</Text>
      </Section>
    )
  return (
    <Section title="灯色与原因">
      <LightBadge light={light.light} label={light.lightLabel} />
      {light.redSince && <Text className="sv-case__since">红灯自{messageTime(light.redSince)}</Text>}
      {light.yellowSince && <Text className="sv-case__since">黄灯自{messageTime(light.yellowSince)}</Text>}
      <Reasons reasons={light.reasons} />
    </Section>
  )
}

interface Loaded {
  c: CaseView
  light?: LightItem
  violations: ViolationView[]
}

function Detail({ d, office, onChanged }: { d: Loaded; office: boolean; onChanged: () => void }) {
  const { c } = d
  return (
    <View>
      <View className="staff__head">
        <Text className="staff__title">{c.matterName}</Text>
        <Text className="staff__sub">
          {c.caseNo} · {c.stateLabel} · 申请人 {c.applicant.name}
        </Text>
      </View>
      <LightSection light={d.light} />
      <Section title="违规记录">
        {d.violations.length ? (
          d.violations.map((v) => <Violation key={v.violationId} v={v} onChanged={onChanged} />)
        ) : (
          <Text className="sv-case__calm">未发现违规。</Text>
        )}
      </Section>
      {office && (
        <View className="staff__actions">
          <BigButton
            kind="secondary"
            text="发出督办"
            onClick={() => navigate(ROUTES.supervisionOrderNew, { kind: 'case', id: c.caseId })}
          />
        </View>
      )}
      {c.deadline && <CaseDeadline state={c.state} deadline={c.deadline} />}
      <Section title="办理过程">
        <CaseTimeline entries={c.timeline} deadlineChanges={c.deadlineChanges} />
      </Section>
    </View>
  )
}

/**
 * 办件监督: one case's light with every reason, its violations with the department's appeal and
 * the office's decision, and the whole timeline — the case function's view, in which the office
 * reads personal data masked (every form field, address and phone).
 */
export default function SupervisionCase() {
  const { rootClass } = useLargeText()
  const id = useQuery(ROUTES.supervisionCase).id ?? ''
  const me = useStaffMe()
  const view = useLoad(async () => {
    const [c, l] = await Promise.all([caseApi.getCase({ caseId: id }), supervisionApi.caseLight({ caseId: id })])
    if (!c.ok) return c
    if (!l.ok) return l
    return ok<Loaded>({ c: c.data, ...(l.data.light ? { light: l.data.light } : {}), violations: l.data.violations })
  }, [id])
  const office = me.data?.role === 'supervisor'
  return (
    <View className={`${rootClass} staff sv-case`}>
      <LoadStatus of={view} />
      {view.data && <Detail d={view.data} office={office} onChanged={view.refresh} />}
    </View>
  )
}
