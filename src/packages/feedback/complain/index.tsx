import { Image, Picker, Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { COMPLAINT_PHOTO_MAX, COMPLAINT_SUBJECT_KINDS, COMPLAINT_SUBJECT_LABELS } from '../../../../types/domain/complaint'
import { ROUTES } from '../../../../types/routes'
import { BigButton } from '../../../components/big-button'
import { ChoiceChips } from '../../../components/choice-chips'
import { FormField } from '../../../components/form-field'
import { Section } from '../../../components/section'
import { TextField } from '../../../components/text-field'
import { useLargeText } from '../../../hooks/useLargeText'
import { useLoad } from '../../../hooks/useLoad'
import { catalogApi } from '../../../services/api/catalog'
import { toast } from '../../../utils/alert'
import { longDate } from '../../../utils/dates'
import { dataUrlOf } from '../../../utils/inquiry'
import { navigate, redirect, useQuery } from '../../../utils/nav'
import { windowName } from '../../../utils/windows'
import { useComplain, type FormPhoto, type Sent } from './use-complain'
import '../feedback.scss'
import './index.scss'

const TEXT_MAX = 500
const KINDS = COMPLAINT_SUBJECT_KINDS.map((k) => ({ value: k, label: k === 'centre' ? '中心整体' : COMPLAINT_SUBJECT_LABELS[k] }))
const IDENTITY = [
  { value: 'real', label: '实名投诉' },
  { value: 'anonymous', label: '匿名投诉' },
] as const

/** Every window of the hall, by number, for the picker. */
function useWindows() {
  const list = useLoad(() => catalogApi.listDepartments({}), [], { onShow: false })
  const windows = (list.data?.departments ?? []).flatMap((d) => d.windows).sort((a, b) => a.number - b.number)
  return { windows, loading: list.loading, error: list.error }
}

function PhotoTile({ p, onRetry, onRemove }: { p: FormPhoto; onRetry: () => void; onRemove: () => void }) {
  return (
    <View className={`complain__photo complain__photo--${p.state}`}>
      <Image className="complain__thumb" src={dataUrlOf(p.photo)} mode="aspectFill" />
      {p.state === 'sending' && <Text className="complain__photo-state">正在上传…</Text>}
      {p.state === 'sent' && <Text className="complain__photo-state complain__photo-state--ok">✓ 已上传</Text>}
      {p.state === 'failed' && (
        <View className="complain__photo-retry" hoverClass="complain__photo-retry--pressed" onClick={onRetry}>
          上传失败，点按重试
        </View>
      )}
      {p.state !== 'sending' && (
        <View className="complain__photo-remove" hoverClass="complain__photo-remove--pressed" onClick={onRemove}>
          删除
        </View>
      )}
    </View>
  )
}

/** The answer: the tracking number, and for an anonymous complaint the password, shown this once. */
function SentCard({ sent, onFollow }: { sent: Sent; onFollow: () => void }) {
  const copy = () =>
    Taro.setClipboardData({ data: sent.password ? `投诉编号 ${sent.trackingNo} 查询密码 ${sent.password}` : sent.trackingNo })
      .then(() => toast('已复制'))
      .catch(() => undefined)
  return (
    <View>
      <View className="feedback-page__done complain__sent">
        <Text className="feedback-page__done-title">投诉已提交</Text>
        <Text className="feedback-page__done-text">中心办公室将于{longDate(sent.decideDue)}前决定是否受理。</Text>
      </View>
      <View className="complain__code">
        <Text className="complain__code-label">投诉编号</Text>
        <Text className="complain__code-value complain__tracking-no" userSelect>
          {sent.trackingNo}
        </Text>
        {sent.password && (
          <>
            <Text className="complain__code-label">查询密码</Text>
            <Text className="complain__code-value complain__code-value--password complain__password" userSelect>
              {sent.password}
            </Text>
            <Text className="complain__warn">请记下或截图保存，密码只显示一次</Text>
            <Text className="feedback-page__note">匿名投诉凭投诉编号和查询密码查询进度；密码丢失后无法找回。</Text>
          </>
        )}
        {!sent.password && <Text className="feedback-page__note">受理、转办和办结时会在「消息」中通知您，也可凭投诉编号查询。</Text>}
      </View>
      <View className="feedback-page__actions">
        <BigButton kind="secondary" text={sent.password ? '复制编号和密码' : '复制投诉编号'} onClick={copy} />
        <BigButton text="查看投诉进度" onClick={onFollow} />
      </View>
    </View>
  )
}

/** 我要投诉: about a case, a window, a staff member or the centre, with text and up to 3 photos, under one's name or anonymously. */
export default function Complain() {
  const { rootClass } = useLargeText()
  const query = useQuery(ROUTES.complaintNew)
  const form = useComplain(query)
  const { windows, loading: windowsLoading, error: windowsError } = useWindows()
  const { errors } = form
  const windowIndex = windows.findIndex((w) => w.id === form.windowId)
  const count = Array.from(form.text).length

  if (form.sent) {
    const sent = form.sent
    return (
      <View className={`${rootClass} feedback-page complain`}>
        <SentCard sent={sent} onFollow={() => void redirect(ROUTES.complaintTrack, { no: sent.trackingNo, fresh: 1 })} />
      </View>
    )
  }

  return (
    <View className={`${rootClass} feedback-page complain`}>
      <View className="feedback-page__head">
        <Text className="feedback-page__title">我要投诉</Text>
        <Text className="feedback-page__sub">投诉由中心办公室受理：5个工作日内决定是否受理，受理后10个工作日内办结答复。</Text>
        <View className="feedback-page__link" hoverClass="feedback-page__link--pressed" onClick={() => navigate(ROUTES.complaintTrack)}>
          查询投诉进度 ›
        </View>
      </View>

      <Section title="投诉对象">
        <ChoiceChips name="kind" options={KINDS} value={form.kind} onChange={(v) => form.set('kind', v)} />
        {form.kind === 'case' && (
          <TextField
            name="caseId"
            label="办件编号"
            maxlength={64}
            placeholder="办件详情页上的办件编号"
            value={form.caseId}
            error={errors.caseId}
            onType={(v) => form.set('caseId', v)}
          />
        )}
        {form.kind === 'window' && (
          <FormField label="窗口" name="windowId" error={errors.windowId ?? (windowsError ? '窗口列表读取失败，请稍后重试' : undefined)}>
            <Picker
              mode="selector"
              range={windows.map(windowName)}
              value={Math.max(windowIndex, 0)}
              disabled={windows.length === 0}
              onChange={(e) => form.set('windowId', windows[Number(e.detail.value)]?.id ?? '')}
            >
              <View className="complain__picker">
                {windowIndex >= 0 ? windowName(windows[windowIndex]) : windowsLoading ? '正在读取窗口…' : '请选择窗口 ▾'}
              </View>
            </Picker>
          </FormField>
        )}
        {form.kind === 'staff' && (
          <>
            <TextField
              name="staffNo"
              label="工号（选填）"
              maxlength={12}
              placeholder="工作人员胸牌或桌牌上的工号"
              value={form.staffNo}
              error={errors.staffNo}
              onType={(v) => form.set('staffNo', v)}
            />
            <TextField
              name="staffName"
              label="姓名（选填）"
              maxlength={20}
              placeholder="不知道工号时填写姓名"
              value={form.staffName}
              error={errors.staffName}
              onType={(v) => form.set('staffName', v)}
            />
            <Text className="feedback-page__note">工号和姓名至少填写一项。被投诉的工作人员看不到您的投诉和您的信息。</Text>
          </>
        )}
        {form.kind === 'centre' && <Text className="feedback-page__note">对中心的环境、秩序、制度等方面的投诉。</Text>}
        {errors.kind && <Text className="form-field__error">{errors.kind}</Text>}
      </Section>

      <Section title="投诉内容">
        <FormField label="请写明时间、经过和您的诉求" name="text" error={errors.text} hint={`${count}/${TEXT_MAX}字，至少5个字`}>
          <Textarea
            className="feedback-page__textarea"
            value={form.text}
            maxlength={TEXT_MAX}
            placeholder="例如：9月21日上午在3号窗口办理营业执照，工作人员……"
            onInput={(e) => form.set('text', e.detail.value)}
          />
        </FormField>
      </Section>

      <Section title={`照片（选填，最多${COMPLAINT_PHOTO_MAX}张）`}>
        <View className="complain__photos">
          {form.photos.map((p) => (
            <PhotoTile key={p.key} p={p} onRetry={() => form.retryPhoto(p.key)} onRemove={() => form.removePhoto(p.key)} />
          ))}
          {form.photos.length < COMPLAINT_PHOTO_MAX && (
            <View className="complain__add" hoverClass="complain__add--pressed" onClick={() => void form.addPhoto()}>
              <Text className="complain__add-plus">＋</Text>
              <Text className="complain__add-text">添加照片</Text>
            </View>
          )}
        </View>
        {errors.photos ? (
          <Text className="form-field__error">{errors.photos}</Text>
        ) : (
          <Text className="feedback-page__note">JPEG或PNG，每张不超过2MB，仅中心办公室和承办部门可见。</Text>
        )}
      </Section>

      <Section title="投诉方式">
        <ChoiceChips
          name="identity"
          options={IDENTITY}
          value={form.anonymous ? 'anonymous' : 'real'}
          onChange={(v) => form.set('anonymous', v === 'anonymous')}
        />
        {form.anonymous ? (
          <Text className="feedback-page__rule complain__rule">
            匿名投诉不记录您的联系方式，也不会给您发通知。提交后会显示一个8位查询密码，只显示一次，请记下或截图保存，凭投诉编号和密码查询进度。
          </Text>
        ) : (
          <TextField
            name="contactPhone"
            label="联系电话（选填）"
            type="number"
            maxlength={11}
            placeholder="便于中心办公室回访核实"
            hint="只有中心办公室能看到您的电话，承办部门和被投诉人看不到"
            value={form.contactPhone}
            error={errors.contactPhone}
            onType={(v) => form.set('contactPhone', v)}
          />
        )}
      </Section>

      {errors.form && <Text className="feedback-page__error">{errors.form}</Text>}
      <View className="feedback-page__actions">
        <BigButton
          text="提交投诉"
          loading={form.busy || form.sending}
          loadingText={form.sending ? '照片上传中…' : '正在提交…'}
          onClick={() => void form.submit()}
        />
      </View>
    </View>
  )
}
