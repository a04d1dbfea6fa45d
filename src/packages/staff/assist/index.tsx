import { Text, Textarea, View } from '@tarojs/components'
import { useState } from 'react'
import type { AssistView } from '../../../../types/contracts/assist'
import type { AppErrorBody, Result } from '../../../../types/result'
import { ROUTES } from '../../../../types/routes'
import { AssistRecord, assistStateTag } from '../../../components/assist-record'
import { BigButton } from '../../../components/big-button'
import { FormField } from '../../../components/form-field'
import { formDraftOf, formValuesOut, MatterFields, type FormDraft } from '../../../components/matter-fields'
import { Section } from '../../../components/section'
import { LoadStatus } from '../../../components/status-view'
import { useLargeText } from '../../../hooks/useLargeText'
import { useLoad } from '../../../hooks/useLoad'
import { assistApi } from '../../../services/api/assist'
import { caseApi } from '../../../services/api/case'
import { alertError, confirm, toast } from '../../../utils/alert'
import { useQuery } from '../../../utils/nav'
import '../staff.scss'
import './index.scss'

const NOTE_MAX = 300

/** What the desk does next, in one line. */
function deskStep(a: AssistView): string {
  switch (a.state) {
    case 'requested':
      return a.overdue ? `已超过认领期限（${a.claimDue}），请尽快认领并联系申请人` : `请于${a.claimDue}前认领并电话联系申请人`
    case 'claimed':
      return '请电话联系申请人；可网上申请的事项可代填申请表'
    case 'drafted':
      return '已代填，等待申请人核对后从本人账号提交'
    case 'confirmed':
      return '申请人已提交网上申请，请跟进办理后办结'
    case 'closed':
      return `已办结：${a.result ?? ''}`
    case 'cancelled':
      return '申请人已取消'
  }
}

/** Field errors keyed by field (`form.purpose` → `purpose`), and the note's. */
const errorsOf = (e: AppErrorBody | null): Record<string, string> =>
  Object.fromEntries((e?.issues ?? []).map((i) => [i.path.replace(/^form\./, ''), i.message]))

function NoteField({ label, value, error, onType }: { label: string; value: string; error?: string; onType: (v: string) => void }) {
  return (
    <FormField label={label} name="note" error={error} hint={`${Array.from(value).length}/${NOTE_MAX}字`}>
      <Textarea className="staff-assist__textarea" value={value} maxlength={NOTE_MAX} onInput={(e) => onType(e.detail.value)} />
    </FormField>
  )
}

/** 代填申请: the matter's own form, checked by the same rules as the citizen's, and a note the citizen reads. */
function PreparePanel({ a, onDone, onCancel }: { a: AssistView; onDone: () => void; onCancel: () => void }) {
  const form = useLoad(() => caseApi.applicationForm({ matterId: a.matterId ?? '' }), [a.matterId], { onShow: false })
  const [values, setValues] = useState<FormDraft>(() => formDraftOf(a.prepared?.form))
  const [note, setNote] = useState(a.prepared?.note ?? '')
  const [failure, setFailure] = useState<AppErrorBody | null>(null)
  const [busy, setBusy] = useState(false)
  const errors = errorsOf(failure)
  const fields = form.data?.formFields ?? []

  const submit = async () => {
    if (busy) return
    setBusy(true)
    const r = await assistApi.prepare({ assistId: a.assistId, form: formValuesOut(fields, values), note })
    setBusy(false)
    if (r.ok) {
      toast('已代填，等待申请人确认')
      onDone()
    } else setFailure(r.error)
  }

  return (
    <Section title="代填网上申请">
      <Text className="staff__note">按与申请人电话核对的内容填写；申请人本人核对后，从自己的账号提交并上传材料。</Text>
      {!form.data && <LoadStatus of={form} />}
      <MatterFields fields={fields} values={values} errors={errors} onChange={(k, v) => setValues((x) => ({ ...x, [k]: v }))} />
      <NoteField label="给申请人的说明" value={note} error={errors.note} onType={setNote} />
      {failure && !failure.issues?.length && <Text className="staff__error">{failure.message}</Text>}
      <BigButton text="保存并通知申请人确认" loading={busy} onClick={submit} />
      <View className="staff__gap" />
      <BigButton kind="secondary" text="取消" disabled={busy} onClick={onCancel} />
    </Section>
  )
}

/** 办结: what was done for the citizen, in their words. */
function ClosePanel({ a, onDone, onCancel }: { a: AssistView; onDone: () => void; onCancel: () => void }) {
  const [result, setResult] = useState('')
  const [failure, setFailure] = useState<AppErrorBody | null>(null)
  const [busy, setBusy] = useState(false)
  const submit = async () => {
    if (busy) return
    setBusy(true)
    const r = await assistApi.close({ assistId: a.assistId, result })
    setBusy(false)
    if (r.ok) {
      toast('已办结')
      onDone()
    } else setFailure(r.error)
  }
  return (
    <Section title="办结帮办">
      <NoteField label="办理情况（申请人可见）" value={result} error={errorsOf(failure).result} onType={setResult} />
      {failure && !failure.issues?.length && <Text className="staff__error">{failure.message}</Text>}
      <BigButton text="确认办结" loading={busy} onClick={submit} />
      <View className="staff__gap" />
      <BigButton kind="secondary" text="取消" disabled={busy} onClick={onCancel} />
    </Section>
  )
}

function Detail({ a, onChanged }: { a: AssistView; onChanged: () => void }) {
  const [panel, setPanel] = useState<'prepare' | 'close' | null>(null)
  const [claiming, setClaiming] = useState(false)
  const can = (x: AssistView['allowedActions'][number]) => a.allowedActions.includes(x)
  const done = () => {
    setPanel(null)
    onChanged()
  }

  const claim = async () => {
    if (claiming) return
    const sure = await confirm({
      title: '认领帮办申请',
      content: '认领后由您负责到底，请在1个工作日内电话联系申请人。',
      confirmText: '认领',
    })
    if (!sure) return
    setClaiming(true)
    const r: Result<unknown> = await assistApi.claim({ assistId: a.assistId })
    setClaiming(false)
    if (r.ok) toast('已认领，请尽快联系申请人')
    else await alertError('未能认领', r.error)
    onChanged()
  }

  return (
    <View>
      <View className="staff__head">
        <View className="staff-assist__state">{assistStateTag(a)}</View>
        <Text className="staff__title">{a.matterName}</Text>
        <Text className="staff__sub">{deskStep(a)}</Text>
      </View>
      {!panel && (
        <View className="staff__actions">
          {can('claim') && <BigButton text="认领" loading={claiming} onClick={claim} />}
          {can('prepare') && <BigButton text={a.prepared ? '修改代填的申请' : '代填网上申请'} onClick={() => setPanel('prepare')} />}
          {can('close') && (
            <>
              <View className="staff__gap" />
              <BigButton kind="secondary" text="办结" onClick={() => setPanel('close')} />
            </>
          )}
          {a.allowedActions.length === 0 && (
            <Text className="staff__note">{a.owner ? `由${a.owner.name}（${a.owner.staffNo}）负责。` : '当前您没有可进行的操作。'}</Text>
          )}
        </View>
      )}
      {panel === 'prepare' && <PreparePanel a={a} onDone={done} onCancel={() => setPanel(null)} />}
      {panel === 'close' && <ClosePanel a={a} onDone={done} onCancel={() => setPanel(null)} />}
      {a.caseId && <Text className="staff__note">申请人已从本人账号提交网上申请，请跟进办理。</Text>}
      <AssistRecord a={a} />
    </View>
  )
}

/** 帮办代办处理: claim (首问负责制), prepare the online application for the citizen to confirm, close with what was done. */
export default function StaffAssist() {
  const { rootClass } = useLargeText()
  const id = useQuery(ROUTES.staffAssist).id ?? ''
  const a = useLoad(() => assistApi.get({ assistId: id }), [id], { intervalMs: 30_000 })
  return (
    <View className={`${rootClass} staff staff-assist`}>
      {!a.data && <LoadStatus of={a} missing="未找到该帮办申请" />}
      {a.data && <Detail a={a.data} onChanged={a.refresh} />}
    </View>
  )
}
