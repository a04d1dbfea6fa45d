import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import type { Profile } from '../../../../types/domain/profile'
import { parseSlotId } from '../../../../types/domain/schedule'
import { ROUTES } from '../../../../types/routes'
import { BigButton } from '../../../components/big-button'
import { StatusView } from '../../../components/status-view'
import { useLargeText } from '../../../hooks/useLargeText'
import { useLoad } from '../../../hooks/useLoad'
import { accountApi } from '../../../services/api/account'
import { catalogApi } from '../../../services/api/catalog'
import { useQuery } from '../../../utils/nav'
import { ApplicantFields } from './applicant-fields'
import { BookingSummary } from './booking-summary'
import { ConfirmStep } from './confirm-step'
import { useBookingForm } from './use-booking-form'
import '../../../pages/booking/booking.scss'
import './index.scss'

interface StepsProps {
  rootClass: string
  matterId: string
  slotId: string
  anyWindow: boolean
  summary: ReactNode
  saved: Profile | null
  profile: 'loading' | 'read' | 'failed'
}

/** The form, then the confirm screen. */
function Steps({ rootClass, matterId, slotId, anyWindow, summary, saved, profile }: StepsProps) {
  const form = useBookingForm({ matterId, slotId, anyWindow, saved })
  if (form.step === 'confirm') {
    return (
      <View className={`${rootClass} booking booking-form booking-confirm`}>
        <ConfirmStep form={form} summary={summary} />
      </View>
    )
  }
  return (
    <View className={`${rootClass} booking booking-form`}>
      <View className="booking__head">
        <Text className="booking__step">第3步，共3步</Text>
        <Text className="booking__title">填写预约人信息</Text>
        <Text className="booking__sub">须与到场办理人的身份证一致</Text>
      </View>
      {summary}
      {profile === 'loading' ? (
        <StatusView kind="loading" message="正在读取常用信息…" />
      ) : (
        <ApplicantFields form={form} profileFailed={profile === 'failed'} />
      )}
      {form.errors.form && <Text className="booking__error">{form.errors.form}</Text>}
      <View className="booking__actions">
        <BigButton text="下一步：核对信息" disabled={profile === 'loading'} onClick={form.next} />
      </View>
    </View>
  )
}

/** Step 3 of booking: who comes (prefilled from the saved profile), then a confirm screen. */
export default function BookingFormPage() {
  const { rootClass } = useLargeText()
  const { matterId = '', slotId = '', end = '', any = '' } = useQuery(ROUTES.bookingForm)
  const anyWindow = any === '1'
  const slot = parseSlotId(slotId)
  const matter = useLoad(() => catalogApi.getMatter({ id: matterId }), [matterId], { onShow: false })
  // Read once: a reload while the person types would start the form over.
  const profile = useLoad(() => accountApi.getProfile(), [], { onShow: false })
  const read = profile.loading ? 'loading' : profile.error ? 'failed' : 'read'

  if (!slot) {
    return (
      <View className={`${rootClass} booking booking-form`}>
        <StatusView kind="empty" message="预约时段无效，请重新选择" />
      </View>
    )
  }

  return (
    // The form starts from the saved profile: keyed on it, the form mounts again, prefilled, once it is read.
    <Steps
      key={read === 'loading' ? 'before-profile' : 'with-profile'}
      rootClass={rootClass}
      matterId={matterId}
      slotId={slotId}
      anyWindow={anyWindow}
      summary={<BookingSummary matter={matter.data} slot={slot} end={end} anyWindow={anyWindow} />}
      saved={profile.data?.profile ?? null}
      profile={read}
    />
  )
}
