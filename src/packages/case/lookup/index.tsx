import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { caseContract, type LookupResult } from '../../../../types/contracts/case'
import { issuesOf, type AppErrorBody, type Issue } from '../../../../types/result'
import { ROUTES } from '../../../../types/routes'
import { BigButton } from '../../../components/big-button'
import { fieldKeys, TextField, type TextFieldSpec } from '../../../components/text-field'
import { InfoRow } from '../../../components/info-row'
import { Section } from '../../../components/section'
import { useLargeText } from '../../../hooks/useLargeText'
import { caseApi } from '../../../services/api/case'
import { beijingDateTime } from '../../../utils/case'
import { longDate } from '../../../utils/dates'
import { navigate } from '../../../utils/nav'
import { lookupDeviceId } from './device'
import '../case.scss'
import './index.scss'
import { windowName } from '../../../utils/windows'

/** The lookup's fields, in the order shown. */
const FIELDS = {
  caseNo: { label: '办件编号', maxlength: 20, placeholder: '如 ZW 开头的16位编号' },
  queryCode: { label: '查询码', maxlength: 12, placeholder: '12位数字', hint: '12位数字，在申请人的办件详情页', type: 'number' },
  name: { label: '申请人姓名', maxlength: 20, placeholder: '申请人的完整姓名' },
  idLast4: {
    label: '身份证或手机号后4位',
    maxlength: 4,
    placeholder: '4位数字（身份证末位可能是X）',
    type: 'idcard',
    confirmType: 'search',
  },
} satisfies Record<string, TextFieldSpec>
type Field = keyof typeof FIELDS
type Errors = Partial<Record<Field, string>>
const EMPTY: Record<Field, string> = { caseNo: '', queryCode: '', name: '', idLast4: '' }
const lookupInput = caseContract.actions.lookup.input

function errorsOf(issues: Issue[] | undefined): Errors {
  const out: Errors = {}
  for (const i of issues ?? []) {
    const key = i.path.split('.')[0] as Field
    if (Object.prototype.hasOwnProperty.call(FIELDS, key)) out[key] ??= i.message
  }
  return out
}

/** The coarse answer: stage, dates and where to collect. Nothing the person typed is shown back. */
function Answer({ r }: { r: LookupResult }) {
  return (
    <View>
      <View className={`lookup__card${r.readyForPickup ? ' lookup__card--ready' : ''}`}>
        <Text className="lookup__matter">{r.matterName}</Text>
        <Text className="lookup__stage">{r.stageLabel}</Text>
        <Text className="lookup__no">办件编号 {r.caseNo}</Text>
      </View>
      <Section title="办理情况">
        {r.submittedAt && <InfoRow label="提交时间">{beijingDateTime(r.submittedAt)}</InfoRow>}
        {r.dueDate && (
          <InfoRow label="办结期限" strong>
            {longDate(r.dueDate)}
            {r.overdue ? '（已超期）' : r.dueProvisional ? '（暂定）' : ''}
          </InfoRow>
        )}
        {r.pickup && (
          <View>
            <InfoRow label="领取窗口" strong>
              {windowName({ number: r.pickup.windowNumber, name: r.pickup.windowName })}
            </InfoRow>
            <InfoRow label="地点">{r.pickup.location}</InfoRow>
            <Text className="case-page__note">领取时须出示申请人的取件码。</Text>
          </View>
        )}
        {!r.dueDate && !r.pickup && <Text className="case-page__note">受理后会显示办结期限。</Text>}
      </Section>
    </View>
  )
}

/**
 * 进度查询 (替家人查进度): the case number, its query code (查询码, on the applicant's case page),
 * the applicant's name and the last 4 characters of the ID or phone number answer a coarse stage.
 * Wrong data of any kind answers one message; after 5 misses in an hour from this account (or this
 * browser) the server answers when to try again. Nobody else's misses ever refuse this person.
 * Following a case (shared by the applicant) shows more, so the page points there too.
 */
export default function Lookup() {
  const { rootClass } = useLargeText()
  const [form, setForm] = useState(EMPTY)
  const [errors, setErrors] = useState<Errors>({})
  const [failure, setFailure] = useState<AppErrorBody | null>(null)
  const [answer, setAnswer] = useState<LookupResult | null>(null)
  const [busy, setBusy] = useState(false)

  const set = (k: Field) => (value: string) => {
    setForm((f) => ({ ...f, [k]: value }))
    setErrors((x) => ({ ...x, [k]: undefined }))
  }

  const submit = async () => {
    if (busy) return
    const deviceId = lookupDeviceId()
    const checked = lookupInput.safeParse({ ...form, ...(deviceId ? { deviceId } : {}) })
    if (!checked.success) {
      setErrors(errorsOf(issuesOf(checked.error)))
      return
    }
    setBusy(true)
    setFailure(null)
    const r = await caseApi.lookup(checked.data)
    setBusy(false)
    if (r.ok) {
      // The answer stands alone: the name and digits typed are not kept on screen.
      setForm(EMPTY)
      setAnswer(r.data)
      return
    }
    const fieldErrors = r.error.code === 'INVALID_INPUT' ? errorsOf(r.error.issues) : {}
    if (Object.keys(fieldErrors).length) setErrors(fieldErrors)
    else setFailure(r.error)
  }

  if (answer) {
    return (
      <View className={`${rootClass} case-page lookup`}>
        <Answer r={answer} />
        <View className="case-page__actions">
          <BigButton
            kind="secondary"
            text="查询其他办件"
            onClick={() => {
              setAnswer(null)
              setFailure(null)
            }}
          />
        </View>
        <Text className="case-page__note case-page__note--pad">想看每一步的办理记录、收到进度通知？请家人把办件分享给您。</Text>
      </View>
    )
  }

  return (
    <View className={`${rootClass} case-page lookup`}>
      <View className="case-page__head">
        <Text className="case-page__title">替家人查办件进度</Text>
        <Text className="case-page__sub">办件编号和查询码在申请人的办件详情页，请向申请人索取。</Text>
      </View>
      <View className="section">
        {fieldKeys(FIELDS).map((k) => (
          <TextField
            key={k}
            {...FIELDS[k]}
            name={k}
            error={errors[k]}
            value={form[k]}
            onType={set(k)}
            {...(k === 'idLast4' ? { onConfirm: submit } : {})}
          />
        ))}
      </View>
      {failure && (
        <Text className={`case-page__error lookup__failure lookup__failure--${failure.code === 'RATE_LIMITED' ? 'limited' : 'miss'}`}>
          {failure.message}
        </Text>
      )}
      <View className="case-page__actions">
        <BigButton text="查询" loading={busy} loadingText="正在查询…" onClick={submit} />
      </View>
      <Text className="case-page__note case-page__note--pad">
        为保护申请人信息，只显示办理阶段、办结期限和领取地点。每小时最多查错5次。
      </Text>
      <View className="lookup__more" hoverClass="lookup__more--pressed" onClick={() => navigate(ROUTES.caseFollowedList)}>
        我关注的办件
      </View>
    </View>
  )
}
