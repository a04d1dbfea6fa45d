import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { TicketView } from '../../../../types/contracts/queue'
import { bookingCodeSchema } from '../../../../types/domain/booking'
import { BigButton } from '../../../components/big-button'
import { CodeField } from '../code-field'
import { Section } from '../../../components/section'
import { useLargeText } from '../../../hooks/useLargeText'
import { queueApi } from '../../../services/api/queue'
import { codeFromScan } from '../staff'
import '../staff.scss'
import './index.scss'

/** Checks a booked citizen in by booking code (typed, or scanned in WeChat) and shows the ticket to hand over. */
export default function StaffCheckIn() {
  const { rootClass } = useLargeText()
  const [code, setCode] = useState('')
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  const [ticket, setTicket] = useState<TicketView | null>(null)

  const submit = async (raw = code) => {
    if (busy) return
    const parsed = bookingCodeSchema.safeParse(raw)
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? '预约码不正确')
    setBusy(true)
    setError('')
    const r = await queueApi.checkIn({ code: parsed.data })
    setBusy(false)
    if (r.ok) {
      setTicket(r.data.ticket)
      setCode('')
    } else {
      setError(r.error.message)
    }
  }

  const scan = async () => {
    try {
      const r = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })
      const c = codeFromScan(r.result)
      setCode(c)
      void submit(c)
    } catch {
      // cancelled by the user: nothing to do
    }
  }

  return (
    <View className={`${rootClass} staff staff-checkin`}>
      <View className="staff__head">
        <Text className="staff__title">预约签到</Text>
        <Text className="staff__sub">核验身份证后，输入群众出示的8位预约码</Text>
      </View>
      <CodeField
        label="预约码"
        value={code}
        maxlength={12}
        placeholder="如 ABCD2345"
        error={error}
        inputClass="staff-checkin__input"
        onChange={(typed) => {
          setCode(typed)
          setError('')
        }}
        onConfirm={() => submit()}
      />
      <View className="staff__actions">
        <BigButton text="签到取号" loading={busy} loadingText="正在取号…" onClick={() => submit()} />
        {process.env.TARO_ENV === 'weapp' && (
          <View>
            <View className="staff__gap" />
            <BigButton kind="secondary" text="扫描预约二维码" disabled={busy} onClick={scan} />
          </View>
        )}
      </View>
      {ticket && (
        <Section title="已取号">
          <View className="staff-checkin__ticket">
            <Text className="staff-checkin__label">{ticket.label}</Text>
            <Text className="staff-checkin__matter">{ticket.matterName}</Text>
            <Text className="staff-checkin__hint">前面还有 {ticket.ahead} 人 · 请引导群众到等候区，留意叫号屏</Text>
          </View>
        </Section>
      )}
    </View>
  )
}
