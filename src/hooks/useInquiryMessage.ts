import { useRef, useState } from 'react'
import { inquiryApi } from '../services/api/inquiry'
import { errorText, toast } from '../utils/alert'
import { newRequestId } from '../utils/request-id'

/**
 * The text box of an inquiry conversation (the citizen's follow-up, the staff reply): one
 * requestId per text, kept across retries so a double tap sends once, renewed when the text changes.
 */
export function useInquiryMessage(inquiryId: string, texts: { empty: string; sent: string }, onSent: () => void) {
  const [text, setTextState] = useState('')
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  const requestId = useRef('')
  const setText = (value: string) => {
    setTextState(value)
    requestId.current = ''
  }
  const send = async () => {
    if (busy) return
    if (!text.trim()) return setError(texts.empty)
    setBusy(true)
    setError('')
    requestId.current ||= newRequestId('im')
    const r = await inquiryApi.sendMessage({ inquiryId, text, requestId: requestId.current })
    setBusy(false)
    if (!r.ok) return setError(errorText(r.error))
    requestId.current = ''
    setTextState('')
    toast(texts.sent)
    onSent()
  }
  return { text, setText, error, busy, send }
}
