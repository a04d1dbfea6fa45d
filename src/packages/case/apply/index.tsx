import { Input, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import { deliverySchema, type CaseView, type Delivery } from '../../../../types/contracts/case'
import type { OutputOf } from '../../../../types/contracts/contract'
import type { caseContract } from '../../../../types/contracts/case'
import type { CaseState } from '../../../../types/domain/case-machine'
import { MATERIAL_MAX_FILES } from '../../../../types/domain/case-material'
import { maskIdNumber, maskPhone } from '../../../../types/domain/masking'
import { formSchemaOf, type FormField as FieldDef } from '../../../../types/domain/matter-form'
import { profileSchema, type Profile } from '../../../../types/domain/profile'
import type { AppErrorBody, Issue, Result } from '../../../../types/result'
import { BigButton } from '../../../components/big-button'
import { ChoiceChips } from '../../../components/choice-chips'
import { FormField } from '../../../components/form-field'
import { InfoRow } from '../../../components/info-row'
import { Section } from '../../../components/section'
import { StatusView } from '../../../components/status-view'
import { Tag } from '../../../components/tag'
import { useLargeText } from '../../../hooks/useLargeText'
import { getProfile } from '../../../services/account'
import { askConsent, prefetchConsent } from '../../../services/subscribe'
import {
  actOnCase,
  applicationForm,
  attachFromLibrary,
  createDraft,
  getCase,
  myCases,
  myMaterials,
  removeMaterial,
  saveDraft,
  sendMaterial,
} from '../../../services/case'
import { beijingDateTime, fileSizeText } from '../../../utils/case'
import { pickMaterialFile } from '../../../utils/files'
import { pageUrl, param } from '../../../utils/params'
import { newRequestId } from '../../../utils/request-id'
import { formDraftOf, formValuesOut, MatterFields, type FormDraft } from '../form-fields'
import '../case.scss'
import './index.scss'

type Outputs = { [K in keyof typeof caseContract.actions]: OutputOf<(typeof caseContract.actions)[K]> }
type LibraryItem = Outputs['myMaterials']['items'][number]
type FileRef = CaseView['materials'][number]['files'][number]

interface MaterialSlot {
  index: number
  name: string
  required: boolean
  uploadable: boolean
  notes?: string
  files: FileRef[]
}

/** Everything the page edits, whether it started from the matter (new) or from a saved case. */
interface Model {
  matterId: string
  matterName: string
  fields: FieldDef[]
  materials: MaterialSlot[]
  caseId?: string
  caseNo?: string
  state: CaseState
  supplement?: CaseView['supplement']
  resumed: boolean
}

interface Applicant {
  name: string
  idNumber: string
  phone: string
  address: string
}

type Errors = Record<string, string | undefined>

const EDITABLE: CaseState[] = ['draft', 'supplement_requested']
const EMPTY_APPLICANT: Applicant = { name: '', idNumber: '', phone: '', address: '' }
const DELIVERY_OPTIONS = [
  { value: 'pickup', label: '窗口领取' },
  { value: 'mail', label: '邮寄到家' },
] as const

const issuesOf = (e: { issues: { path: PropertyKey[]; message: string }[] }, prefix = ''): Issue[] =>
  e.issues.map((i) => ({ path: prefix + i.path.map(String).join('.'), message: i.message }))

/** Issues (the page's own check or the server's) keyed the way the page shows them. */
function errorsOf(issues: Issue[]): Errors {
  const out: Errors = {}
  for (const i of issues) {
    const key = i.path
      .replace(/^form\./, 'f.')
      .replace(/^applicant\./, 'a.')
      .replace(/^delivery\./, 'd.')
    out[key] ??= i.message
  }
  return out
}

function applicantOut(a: Applicant): Profile {
  return {
    name: a.name.trim(),
    idNumber: a.idNumber.trim().toUpperCase(),
    phone: a.phone.trim(),
    ...(a.address.trim() ? { address: a.address.trim() } : {}),
  }
}

interface MailDraft {
  recipient: string
  phone: string
  address: string
}

function deliveryOut(method: Delivery['method'], mail: MailDraft): Delivery {
  return method === 'pickup'
    ? { method }
    : { method, recipient: mail.recipient.trim(), phone: mail.phone.trim(), address: mail.address.trim() }
}

function modelOfCase(c: CaseView, resumed: boolean): Model {
  return {
    matterId: c.matterId,
    matterName: c.matterName,
    fields: c.formFields,
    materials: c.materials.map((m) => ({ ...m })),
    caseId: c.caseId,
    caseNo: c.caseNo,
    state: c.state,
    supplement: c.state === 'supplement_requested' ? c.supplement : undefined,
    resumed,
  }
}

type Load = { status: 'loading' } | { status: 'error'; error: AppErrorBody } | { status: 'ready' }

/**
 * 网上申请: the matter's form (prefilled from 常用信息, 避免二次录入), its material checklist with
 * upload or reuse from 我的材料, how to receive the result; 保存草稿 at any time, a confirm step,
 * then submit. Opened with `caseId` it resumes a draft, or is the 补正 of a case waiting for one.
 */
export default function ApplyPage() {
  const { rootClass } = useLargeText()
  const { params } = useRouter()
  const matterIdParam = param(params.matterId)
  const caseIdParam = param(params.caseId)

  const [load, setLoad] = useState<Load>({ status: 'loading' })
  const [attempt, setAttempt] = useState(0)
  const [model, setModel] = useState<Model | null>(null)
  const [applicant, setApplicant] = useState<Applicant>(EMPTY_APPLICANT)
  const [form, setForm] = useState<FormDraft>({})
  const [method, setMethod] = useState<Delivery['method']>('pickup')
  const [mail, setMail] = useState<MailDraft>({ recipient: '', phone: '', address: '' })
  const [errors, setErrors] = useState<Errors>({})
  const [step, setStep] = useState<'edit' | 'confirm'>('edit')
  const [busy, setBusy] = useState<string>('')
  const [uploading, setUploading] = useState<number | null>(null)
  const [libraryFor, setLibraryFor] = useState<number | null>(null)
  const [library, setLibrary] = useState<{ status: 'loading' | 'ready' | 'error'; items: LibraryItem[]; message?: string }>({
    status: 'loading',
    items: [],
  })
  const [failure, setFailure] = useState<AppErrorBody | null>(null)
  const [savedAt, setSavedAt] = useState('')
  const creating = useRef<Promise<Result<{ caseId: string; caseNo: string }>> | null>(null)

  // Load: a saved case, or the matter's form plus my 常用信息 (and a draft I already started for it).
  useEffect(() => {
    let live = true
    setLoad({ status: 'loading' })
    const fromCase = (c: CaseView, resumed: boolean) => {
      setModel(modelOfCase(c, resumed))
      setApplicant({ name: c.applicant.name, idNumber: c.applicant.idNumber, phone: c.applicant.phone, address: c.applicant.address ?? '' })
      setForm(formDraftOf(c.form))
      setMethod(c.delivery.method)
      if (c.delivery.method === 'mail') setMail({ recipient: c.delivery.recipient, phone: c.delivery.phone, address: c.delivery.address })
      setLoad({ status: 'ready' })
    }
    ;(async () => {
      if (caseIdParam) {
        const c = await getCase(caseIdParam)
        if (!live) return
        return c.ok ? fromCase(c.data, false) : setLoad({ status: 'error', error: c.error })
      }
      const [f, p, drafts] = await Promise.all([applicationForm(matterIdParam), getProfile(), myCases({ state: 'draft' })])
      if (!live) return
      if (!f.ok) return setLoad({ status: 'error', error: f.error })
      // One draft per matter: coming back to the matter resumes it instead of starting over.
      const earlier = drafts.ok ? drafts.data.cases.find((c) => c.matterName === f.data.matterName) : undefined
      if (earlier) {
        const c = await getCase(earlier.caseId)
        if (!live) return
        if (c.ok && c.data.matterId === f.data.matterId) return fromCase(c.data, true)
      }
      const profile = p.ok ? p.data.profile : null
      setModel({
        matterId: f.data.matterId,
        matterName: f.data.matterName,
        fields: f.data.formFields,
        materials: f.data.materials.map((m) => ({ ...m, files: [] })),
        state: 'draft',
        resumed: false,
      })
      if (profile) {
        setApplicant({ name: profile.name, idNumber: profile.idNumber, phone: profile.phone, address: profile.address ?? '' })
        setMail({ recipient: profile.name, phone: profile.phone, address: profile.address ?? '' })
      }
      // A form field that asks for the applicant's own details by the same key starts filled too.
      if (profile) {
        const mine: Record<string, string | undefined> = {
          name: profile.name,
          idNumber: profile.idNumber,
          phone: profile.phone,
          address: profile.address,
        }
        setForm(Object.fromEntries(f.data.formFields.filter((fd) => mine[fd.key]).map((fd) => [fd.key, mine[fd.key]!])))
      }
      if (!f.data.onlineApplication) setFailure({ code: 'CONFLICT', message: '该事项暂不支持网上申请，请到窗口办理' })
      setLoad({ status: 'ready' })
    })()
    return () => {
      live = false
    }
  }, [caseIdParam, matterIdParam, attempt])

  const clearError = (key: string) => setErrors((e) => (e[key] || e.page ? { ...e, [key]: undefined, page: undefined } : e))
  const setA = (k: keyof Applicant) => (v: string) => {
    setApplicant((a) => ({ ...a, [k]: v }))
    clearError(`a.${k}`)
  }
  const setF = (k: string, v: string) => {
    setForm((f) => ({ ...f, [k]: v }))
    clearError(`f.${k}`)
  }
  const setM = (k: keyof MailDraft) => (v: string) => {
    setMail((m) => ({ ...m, [k]: v }))
    clearError(`d.${k}`)
  }

  /** What a draft needs to be stored: who applies, and no field that is already wrong. */
  const checkDraftable = (): boolean => {
    if (!model) return false
    const issues: Issue[] = []
    const a = profileSchema.safeParse(applicantOut(applicant))
    if (!a.success) issues.push(...issuesOf(a.error, 'applicant.'))
    const f = formSchemaOf(model.fields, { partial: true }).safeParse(formValuesOut(model.fields, form))
    if (!f.success) issues.push(...issuesOf(f.error, 'form.'))
    if (issues.length) {
      setErrors({ ...errorsOf(issues), page: '请先改正标红的内容' })
      return false
    }
    return true
  }

  /** The case the uploads belong to: made on the first save or upload. */
  const ensureCase = async (): Promise<Result<{ caseId: string }>> => {
    if (model?.caseId) return { ok: true, data: { caseId: model.caseId } }
    if (!model) return { ok: false, error: { code: 'INTERNAL', message: '页面尚未加载完成' } }
    creating.current ??= createDraft({
      matterId: model.matterId,
      applicant: applicantOut(applicant),
      form: formValuesOut(model.fields, form),
      delivery: deliveryOut(method, mail),
      requestId: newRequestId('cs'),
    })
    const r = await creating.current
    creating.current = null
    if (r.ok) setModel((m) => (m ? { ...m, caseId: r.data.caseId, caseNo: r.data.caseNo } : m))
    return r
  }

  const showServerError = (e: AppErrorBody, title = '未能完成') => {
    if (e.code === 'INVALID_INPUT' && e.issues?.length) setErrors({ ...errorsOf(e.issues), page: e.message })
    Taro.showModal({ title, content: e.message, showCancel: false, confirmText: '知道了' })
  }

  /** Stores what is typed so far; answers the case id, or undefined after showing why not. */
  const persist = async (): Promise<string | undefined> => {
    if (!model || !checkDraftable()) return undefined
    const c = await ensureCase()
    if (!c.ok) {
      showServerError(c.error, '未能保存')
      return undefined
    }
    const delivery = deliveryOut(method, mail)
    const deliveryOk = deliverySchema.safeParse(delivery).success
    const s = await saveDraft({
      caseId: c.data.caseId,
      applicant: applicantOut(applicant),
      form: formValuesOut(model.fields, form),
      // A half-typed postal address stays on the page until it is complete.
      ...(deliveryOk ? { delivery } : {}),
    })
    if (!s.ok) {
      showServerError(s.error, '未能保存')
      return undefined
    }
    return c.data.caseId
  }

  const saveAsDraft = async () => {
    if (busy) return
    setBusy('save')
    const id = await persist()
    setBusy('')
    if (id) {
      setSavedAt(beijingDateTime(new Date().toISOString()))
      Taro.showToast({ title: '草稿已保存', icon: 'success' })
    }
  }

  const upload = async (slot: MaterialSlot) => {
    if (uploading !== null || busy) return
    setLibraryFor(null)
    const picked = await pickMaterialFile()
    if (!picked.ok) {
      if (!picked.cancelled) setErrors((e) => ({ ...e, [`m.${slot.index}`]: picked.message }))
      return
    }
    if (!checkDraftable()) return
    setUploading(slot.index)
    clearError(`m.${slot.index}`)
    const c = await ensureCase()
    const r = c.ok ? await sendMaterial(c.data.caseId, slot.index, picked.file) : c
    setUploading(null)
    if (!r.ok) {
      setErrors((e) => ({ ...e, [`m.${slot.index}`]: r.error.issues?.[0]?.message ?? r.error.message }))
      return
    }
    addFile(slot.index, r.data)
    Taro.showToast({ title: '已上传', icon: 'success' })
  }

  const addFile = (index: number, f: FileRef) =>
    setModel((m) =>
      m
        ? {
            ...m,
            materials: m.materials.map((x) =>
              x.index === index ? { ...x, files: [...x.files.filter((y) => y.libraryId !== f.libraryId), f] } : x,
            ),
          }
        : m,
    )

  const openLibrary = async (slot: MaterialSlot) => {
    if (libraryFor === slot.index) return setLibraryFor(null)
    setLibraryFor(slot.index)
    setLibrary({ status: 'loading', items: [] })
    const r = await myMaterials()
    setLibrary(r.ok ? { status: 'ready', items: r.data.items } : { status: 'error', items: [], message: r.error.message })
  }

  const attach = async (slot: MaterialSlot, item: LibraryItem) => {
    if (uploading !== null) return
    if (!checkDraftable()) return
    setUploading(slot.index)
    const c = await ensureCase()
    const r = c.ok ? await attachFromLibrary(c.data.caseId, slot.index, item.libraryId) : c
    setUploading(null)
    if (!r.ok) return setErrors((e) => ({ ...e, [`m.${slot.index}`]: r.error.message }))
    clearError(`m.${slot.index}`)
    setLibraryFor(null)
    addFile(slot.index, r.data)
  }

  const remove = async (slot: MaterialSlot, f: FileRef) => {
    if (!model?.caseId) return
    const ok = await Taro.showModal({
      title: '移除材料',
      content: `从本次申请中移除「${f.fileName}」？（我的材料中仍保留）`,
      confirmText: '移除',
    })
    if (!ok.confirm) return
    setUploading(slot.index)
    const r = await removeMaterial(model.caseId, slot.index, f.libraryId)
    setUploading(null)
    if (!r.ok) return showServerError(r.error, '未能移除')
    setModel((m) =>
      m
        ? {
            ...m,
            materials: m.materials.map((x) =>
              x.index === slot.index ? { ...x, files: x.files.filter((y) => y.libraryId !== f.libraryId) } : x,
            ),
          }
        : m,
    )
  }

  /** The whole check before the confirm step: the matter's own schema, the applicant, delivery, every required upload. */
  const next = () => {
    if (!model) return
    const issues: Issue[] = []
    const a = profileSchema.safeParse(applicantOut(applicant))
    if (!a.success) issues.push(...issuesOf(a.error, 'applicant.'))
    const f = formSchemaOf(model.fields).safeParse(formValuesOut(model.fields, form))
    if (!f.success) issues.push(...issuesOf(f.error, 'form.'))
    const d = deliverySchema.safeParse(deliveryOut(method, mail))
    if (!d.success) issues.push(...issuesOf(d.error, 'delivery.'))
    for (const m of model.materials)
      if (m.required && m.uploadable && m.files.length === 0) issues.push({ path: `m.${m.index}`, message: `请上传${m.name}` })
    if (issues.length) {
      setErrors({ ...errorsOf(issues), page: `还有${issues.length}处需要填写或改正，已标红` })
      return
    }
    setFailure(null)
    prefetchConsent('case_submitted')
    setStep('confirm')
  }

  const supplementMode = model?.state === 'supplement_requested'

  const submit = async () => {
    if (busy || !model) return
    setBusy('submit')
    setFailure(null)
    // 订阅消息 consent inside this tap (WeChat's rule) and before the submit: progress messages
    // (accepted, supplement, result) are pushed only with a recorded grant. Never blocks the submit.
    await askConsent('case_submitted')
    const id = await persist()
    if (!id) {
      setBusy('')
      setStep('edit')
      return
    }
    const r = await actOnCase({ caseId: id, transition: supplementMode ? 'resubmit' : 'submit' })
    setBusy('')
    if (r.ok) {
      Taro.redirectTo({ url: pageUrl('/packages/case/detail/index', { id, fresh: supplementMode ? 'resubmitted' : 'submitted' }) })
      return
    }
    if (r.error.code === 'INVALID_INPUT' && r.error.issues?.length) {
      setErrors({ ...errorsOf(r.error.issues.map((i) => ({ ...i, path: i.path.replace(/^materials\./, 'm.') }))), page: r.error.message })
      setStep('edit')
      return
    }
    setFailure(r.error)
  }

  if (load.status === 'loading' || (load.status === 'ready' && !model)) {
    return (
      <View className={`${rootClass} case-page case-apply`}>
        <StatusView kind="loading" />
      </View>
    )
  }
  if (load.status === 'error') {
    const missing = load.error.code === 'NOT_FOUND' || load.error.code === 'INVALID_INPUT'
    return (
      <View className={`${rootClass} case-page case-apply`}>
        <StatusView
          kind={missing ? 'empty' : 'error'}
          message={missing ? '未找到该事项或办件' : load.error.message}
          onRetry={() => setAttempt((n) => n + 1)}
        />
      </View>
    )
  }
  const m = model!
  if (!EDITABLE.includes(m.state)) {
    return (
      <View className={`${rootClass} case-page case-apply`}>
        <StatusView kind="empty" message="该办件已提交，不能再修改" />
        <View className="case-page__actions">
          <BigButton
            text="查看办件进度"
            onClick={() => Taro.redirectTo({ url: pageUrl('/packages/case/detail/index', { id: m.caseId }) })}
          />
        </View>
      </View>
    )
  }

  const supplementItems = m.supplement?.items ?? []
  const flagged = (target: string) => supplementItems.filter((i) => i.target === target).map((i) => i.problem)
  const mailing = method === 'mail'

  if (step === 'confirm') {
    const a = applicantOut(applicant)
    const values = formValuesOut(m.fields, form)
    return (
      <View className={`${rootClass} case-page case-apply case-confirm`}>
        <View className="case-page__head">
          <Text className="case-page__step">{supplementMode ? '提交补正' : '确认提交'}</Text>
          <Text className="case-page__title">请核对后提交</Text>
          <Text className="case-page__sub">{m.matterName}</Text>
        </View>
        <Section title="申请人">
          <InfoRow label="姓名" strong>
            {a.name}
          </InfoRow>
          <InfoRow label="身份证">{maskIdNumber(a.idNumber)}</InfoRow>
          <InfoRow label="手机号">{maskPhone(a.phone)}</InfoRow>
        </Section>
        {m.fields.length > 0 && (
          <Section title="申请表">
            {m.fields.map((f) => (
              <InfoRow key={f.key} label={f.label} wide>
                {values[f.key] === undefined
                  ? '（未填）'
                  : f.type === 'idNumber'
                    ? maskIdNumber(String(values[f.key]))
                    : f.type === 'phone'
                      ? maskPhone(String(values[f.key]))
                      : String(values[f.key])}
              </InfoRow>
            ))}
          </Section>
        )}
        <Section title="材料">
          {m.materials.map((x) => (
            <InfoRow key={x.index} label={`${x.index + 1}.`}>
              {x.name}：{x.uploadable ? (x.files.length ? `已上传${x.files.length}份` : '未上传') : '到窗口提交或核验'}
            </InfoRow>
          ))}
        </Section>
        <Section title="领取方式">
          {mailing ? (
            <View>
              <InfoRow label="方式" strong>
                邮寄到家
              </InfoRow>
              <InfoRow label="收件人">
                {mail.recipient.trim()} {maskPhone(mail.phone.trim())}
              </InfoRow>
              <InfoRow label="地址">{mail.address.trim()}</InfoRow>
            </View>
          ) : (
            <InfoRow label="方式" strong>
              到中心统一窗口领取
            </InfoRow>
          )}
        </Section>
        <Text className="case-page__note case-page__note--pad">提交后，工作人员将进行预审；如需补正，会一次性告知全部需要补充的内容。</Text>
        {failure && <Text className="case-page__error">{failure.message}</Text>}
        <View className="case-page__actions">
          <BigButton
            text={busy === 'submit' ? '正在提交…' : supplementMode ? '确认提交补正' : '确认提交申请'}
            disabled={Boolean(busy)}
            onClick={submit}
          />
          <BigButton kind="secondary" text="返回修改" disabled={Boolean(busy)} onClick={() => setStep('edit')} />
        </View>
      </View>
    )
  }

  return (
    <View className={`${rootClass} case-page case-apply`}>
      <View className="case-page__head">
        <Text className="case-page__step">{supplementMode ? '补正材料' : '网上申请'}</Text>
        <Text className="case-page__title">{m.matterName}</Text>
        {m.caseNo && <Text className="case-page__sub">办件编号 {m.caseNo}</Text>}
        {m.resumed && <Text className="case-page__sub case-apply__resumed">已为您打开上次保存的草稿</Text>}
      </View>

      {supplementMode && supplementItems.length > 0 && (
        <Section title={`需要补正的内容（共${supplementItems.length}项）`}>
          <View className="case-supplement">
            {supplementItems.map((i, n) => (
              <View key={n} className="case-supplement__item">
                <Text className="case-supplement__target">
                  {n + 1}. {i.target}
                </Text>
                <Text className="case-supplement__problem">{i.problem}</Text>
              </View>
            ))}
            {m.supplement?.note && <Text className="case-supplement__note">说明：{m.supplement.note}</Text>}
          </View>
          <Text className="case-page__note">请按以上内容修改表单或重新上传材料，然后点「提交补正」。</Text>
        </Section>
      )}

      {failure && <Text className="case-page__error">{failure.message}</Text>}

      <Section title="申请人信息">
        <Text className="case-page__note">已从常用信息自动填写，请核对</Text>
        <FormField label="姓名" name="app-name" error={errors['a.name']}>
          <Input
            className="form-field__input"
            value={applicant.name}
            maxlength={20}
            placeholder="与身份证一致"
            onInput={(e) => setA('name')(e.detail.value)}
          />
        </FormField>
        <FormField label="身份证号码" name="app-idNumber" error={errors['a.idNumber']}>
          <Input
            className="form-field__input"
            type="idcard"
            value={applicant.idNumber}
            maxlength={18}
            placeholder="18位居民身份证号码"
            onInput={(e) => setA('idNumber')(e.detail.value)}
          />
        </FormField>
        <FormField label="手机号码" name="app-phone" error={errors['a.phone']} hint="用于接收办理进度通知">
          <Input
            className="form-field__input"
            type="number"
            value={applicant.phone}
            maxlength={11}
            placeholder="11位手机号码"
            onInput={(e) => setA('phone')(e.detail.value)}
          />
        </FormField>
        <FormField label="联系地址（选填）" name="app-address" error={errors['a.address']}>
          <Input
            className="form-field__input"
            value={applicant.address}
            maxlength={100}
            placeholder="省市区街道门牌"
            onInput={(e) => setA('address')(e.detail.value)}
          />
        </FormField>
      </Section>

      {m.fields.length > 0 && (
        <Section title="申请表">
          <MatterFields
            fields={m.fields}
            values={form}
            errors={Object.fromEntries(
              m.fields.map((f) => [f.key, errors[`f.${f.key}`] ?? (flagged(f.label)[0] ? `需补正：${flagged(f.label)[0]}` : undefined)]),
            )}
            onChange={setF}
          />
        </Section>
      )}

      <Section title={`申请材料（共${m.materials.length}项）`}>
        <Text className="case-page__note">可上传JPEG、PNG照片或PDF，每份不超过2MB；照片会先在手机上压缩。</Text>
        {m.materials.map((x) => {
          const problems = flagged(x.name)
          const error = errors[`m.${x.index}`]
          return (
            <View key={x.index} className={`case-material case-material--${x.index}${error ? ' case-material--invalid' : ''}`}>
              <Text className="case-material__name">
                {x.index + 1}. {x.name}
              </Text>
              <View>
                <Tag text={x.required ? '必须提供' : '按情况提供'} tone={x.required ? 'orange' : 'gray'} />
                {x.uploadable ? <Tag text="网上提交" tone="green" /> : <Tag text="到窗口提交或核验" tone="gray" />}
                {problems.length > 0 && <Tag text="需补正" tone="orange" />}
              </View>
              {x.notes && <Text className="case-page__note">说明：{x.notes}</Text>}
              {problems.map((p, i) => (
                <Text key={i} className="case-material__problem">
                  需补正：{p}
                </Text>
              ))}
              {x.files.map((f) => (
                <View key={f.libraryId} className="case-file">
                  <Text className="case-file__name">✓ {f.fileName}</Text>
                  <Text className="case-file__size">{fileSizeText(f.size)}</Text>
                  <View className="case-file__remove" hoverClass="case-file__remove--pressed" onClick={() => remove(x, f)}>
                    移除
                  </View>
                </View>
              ))}
              {x.uploadable && (
                <View>
                  {uploading === x.index ? (
                    <View className="case-material__uploading">
                      <View className="case-material__spinner" />
                      <Text>正在上传，请稍候…</Text>
                    </View>
                  ) : (
                    x.files.length < MATERIAL_MAX_FILES && (
                      <View className="case-material__buttons">
                        <View
                          className="case-material__button case-material__upload"
                          hoverClass="case-material__button--pressed"
                          onClick={() => upload(x)}
                        >
                          {x.files.length ? '再传一份' : '上传'}
                        </View>
                        <View
                          className="case-material__button case-material__button--plain case-material__reuse"
                          hoverClass="case-material__button--pressed"
                          onClick={() => openLibrary(x)}
                        >
                          从我的材料选
                        </View>
                      </View>
                    )
                  )}
                  {error && <Text className="case-material__error">{error}</Text>}
                  {libraryFor === x.index && (
                    <View className="case-library">
                      {library.status === 'loading' && <Text className="case-page__note">正在读取我的材料…</Text>}
                      {library.status === 'error' && <Text className="case-material__error">{library.message}</Text>}
                      {library.status === 'ready' && library.items.length === 0 && (
                        <Text className="case-page__note">还没有以前上传过的材料</Text>
                      )}
                      {library.items.map((it) => (
                        <View
                          key={it.libraryId}
                          className="case-library__item"
                          hoverClass="case-library__item--pressed"
                          onClick={() => attach(x, it)}
                        >
                          <Text className="case-library__name">{it.fileName}</Text>
                          <Text className="case-library__meta">
                            {it.materialName} · {fileSizeText(it.size)} · {beijingDateTime(it.createdAt)}
                          </Text>
                        </View>
                      ))}
                    </View>
                  )}
                </View>
              )}
            </View>
          )
        })}
      </Section>

      <Section title="领取方式">
        <ChoiceChips name="delivery" options={DELIVERY_OPTIONS} value={method} onChange={(v) => setMethod(v)} />
        {mailing ? (
          <View>
            <FormField label="收件人" name="mail-recipient" error={errors['d.recipient']}>
              <Input
                className="form-field__input"
                value={mail.recipient}
                maxlength={20}
                onInput={(e) => setM('recipient')(e.detail.value)}
              />
            </FormField>
            <FormField label="收件人手机" name="mail-phone" error={errors['d.phone']}>
              <Input
                className="form-field__input"
                type="number"
                value={mail.phone}
                maxlength={11}
                onInput={(e) => setM('phone')(e.detail.value)}
              />
            </FormField>
            <FormField label="邮寄地址" name="mail-address" error={errors['d.address']}>
              <Input
                className="form-field__input"
                value={mail.address}
                maxlength={100}
                placeholder="省市区街道门牌"
                onInput={(e) => setM('address')(e.detail.value)}
              />
            </FormField>
            <Text className="case-page__note">办结后由工作人员邮寄，运单号会显示在办件进度里。</Text>
          </View>
        ) : (
          <Text className="case-page__note">办结后凭取件码到政务服务中心统一出件窗口领取。</Text>
        )}
      </Section>

      {errors.page && <Text className="case-page__error">{errors.page}</Text>}
      <View className="case-page__actions">
        <BigButton
          text={supplementMode ? '下一步：核对并提交补正' : '下一步：核对并提交'}
          disabled={Boolean(busy) || uploading !== null}
          onClick={next}
        />
        <BigButton
          kind="secondary"
          text={busy === 'save' ? '正在保存…' : '保存草稿'}
          disabled={Boolean(busy) || uploading !== null}
          onClick={saveAsDraft}
        />
        {savedAt && <Text className="case-page__note case-page__note--center">草稿已于 {savedAt} 保存，可在「我的办件」中继续填写</Text>}
      </View>
    </View>
  )
}
