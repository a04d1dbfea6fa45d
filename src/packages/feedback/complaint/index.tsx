import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { ComplaintTimeline } from '../../../../types/contracts/complaint'
import { COMPLAINT_RATING_LABELS } from '../../../../types/domain/complaint'
import { ok } from '../../../../types/result'
import { ROUTES } from '../../../../types/routes'
import { BigButton } from '../../../components/big-button'
import { Section } from '../../../components/section'
import { LoadStatus } from '../../../components/status-view'
import { TextField } from '../../../components/text-field'
import { useLargeText } from '../../../hooks/useLargeText'
import { useLoad } from '../../../hooks/useLoad'
import { catalogApi } from '../../../services/api/catalog'
import { complaintApi } from '../../../services/api/complaint'
import { errorText } from '../../../utils/alert'
import { navigate, useQuery } from '../../../utils/nav'
import { windowLabel } from '../../../utils/windows'
import { RateAnswer } from './rate-answer'
import { ComplaintHead, ComplaintSteps } from './timeline'
import '../feedback.scss'
import './index.scss'

interface Found {
  t: ComplaintTimeline
  /** Kept for rating an anonymous complaint's answer (the server asks it again). */
  password?: string
}

/**
 * Opening by number (a message's link, the complain page): a real-name complaint of this account
 * opens at once. Whether it is one is read from the account's own list first, so an anonymous
 * complaint's number does not spend one of the hour's failed lookups before its password is asked.
 */
async function openOwn(no: string | undefined) {
  if (!no) return ok(null)
  const mine = await complaintApi.mine({})
  if (!mine.ok) return mine
  const trackingNo = no.trim().toUpperCase()
  if (!mine.data.items.some((i) => i.trackingNo === trackingNo)) return ok(null)
  return complaintApi.track({ trackingNo })
}

function Lookup({ no, onFound }: { no: string; onFound: (f: Found) => void }) {
  const [trackingNo, setTrackingNo] = useState(no)
  const [password, setPassword] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)

  const search = async () => {
    if (busy) return
    if (!trackingNo.trim()) return setErrors({ trackingNo: '请输入投诉编号' })
    setBusy(true)
    setErrors({})
    const r = await complaintApi.track({ trackingNo, ...(password.trim() ? { password: password.trim() } : {}) })
    setBusy(false)
    if (r.ok) return onFound({ t: r.data, ...(password.trim() ? { password: password.trim() } : {}) })
    const field = r.error.issues?.[0]?.path.split('.')[0]
    setErrors(field === 'trackingNo' || field === 'password' ? { [field]: errorText(r.error) } : { form: r.error.message })
  }

  return (
    <Section title="查询投诉">
      <TextField
        name="trackingNo"
        label="投诉编号"
        maxlength={16}
        placeholder="TS开头的13位编号"
        value={trackingNo}
        error={errors.trackingNo}
        onType={(v) => setTrackingNo(v.toUpperCase())}
      />
      <TextField
        name="password"
        label="查询密码（匿名投诉填写）"
        type="number"
        maxlength={8}
        placeholder="提交匿名投诉时显示的8位数字"
        hint="实名投诉无需密码，用提交投诉的微信账号查询"
        value={password}
        error={errors.password}
        onType={setPassword}
        onConfirm={() => void search()}
      />
      {errors.form && <Text className="feedback-page__error complaint-track__error">{errors.form}</Text>}
      <View className="complaint-track__search">
        <BigButton text="查询" loading={busy} loadingText="正在查询…" onClick={() => void search()} />
      </View>
    </Section>
  )
}

function Answer({ found, windowName, onRated }: { found: Found; windowName: (id: string) => string; onRated: () => void }) {
  const { t } = found
  return (
    <View>
      <ComplaintHead t={t} windowName={windowName} />
      <ComplaintSteps t={t} />
      {t.rating && (
        <Section title="您的评价">
          <Text className="complaint-track__rated">{COMPLAINT_RATING_LABELS[t.rating.rating]}</Text>
          {t.rating.comment && <Text className="complaint-content__text">{t.rating.comment}</Text>}
        </Section>
      )}
      {t.canRate && <RateAnswer trackingNo={t.trackingNo} password={found.password} onRated={onRated} />}
    </View>
  )
}

/** 投诉查询: by number (and, anonymous, the query password) → the timeline, and once resolved the rating of the answer. */
export default function ComplaintTrack() {
  const { rootClass } = useLargeText()
  const query = useQuery(ROUTES.complaintTrack)
  const own = useLoad(() => openOwn(query.no), [query.no], { onShow: false })
  const catalog = useLoad(() => catalogApi.listDepartments({}), [], { onShow: false })
  const windows = catalog.data?.departments.flatMap((d) => d.windows)
  const [found, setFound] = useState<Found | null>(null)
  const [searching, setSearching] = useState(false)
  const shown: Found | null = searching ? null : (found ?? (own.data ? { t: own.data } : null))

  const reload = async () => {
    if (!shown) return
    const r = await complaintApi.track({ trackingNo: shown.t.trackingNo, ...(shown.password ? { password: shown.password } : {}) })
    if (r.ok) setFound({ ...shown, t: r.data })
  }

  return (
    <View className={`${rootClass} feedback-page complaint-track`}>
      <View className="feedback-page__head">
        <Text className="feedback-page__title">投诉查询</Text>
        <Text className="feedback-page__sub">凭投诉编号查询办理进度；匿名投诉还需查询密码。</Text>
        <View className="feedback-page__link" hoverClass="feedback-page__link--pressed" onClick={() => navigate(ROUTES.complaintNew)}>
          我要投诉 ›
        </View>
      </View>
      {query.no && own.data === undefined && <LoadStatus of={own} />}
      {shown ? (
        <>
          <Answer found={shown} windowName={(id) => windowLabel(windows, id)} onRated={() => void reload()} />
          <View className="feedback-page__links">
            <View
              className="feedback-page__link"
              hoverClass="feedback-page__link--pressed"
              onClick={() => {
                setFound(null)
                setSearching(true)
              }}
            >
              查询其他投诉 ›
            </View>
          </View>
        </>
      ) : (
        (!query.no || own.data !== undefined) && (
          <Lookup
            no={searching ? '' : (query.no ?? '').toUpperCase()}
            onFound={(f) => {
              setSearching(false)
              setFound(f)
            }}
          />
        )
      )}
    </View>
  )
}
