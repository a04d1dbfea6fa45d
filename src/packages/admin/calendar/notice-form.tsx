import { Input, Text, Textarea, View } from '@tarojs/components'
import { useState } from 'react'
import { BigButton } from '../../../components/big-button'
import { FormField } from '../../../components/form-field'
import { ChangePreview, type ChangeFlow } from './change'

/** The gov.cn wording, as a hint of what to paste (the 2026 notice's 春节 item). */
const PLACEHOLDER =
  '请粘贴国务院办公厅通知的全文，例如：\n一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。\n二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。'

/**
 * 录入国务院通知: the notice pasted whole; the server parses it, checks every stated weekday and
 * length, and lists each problem, which are all shown here next to the text box.
 */
export function NoticeForm({ year, flow, onCancel }: { year: number; flow: ChangeFlow; onCancel: () => void }) {
  const [text, setText] = useState('')
  const [number, setNumber] = useState('')
  const [url, setUrl] = useState('')
  const edit = (set: (v: string) => void) => (e: { detail: { value: string } }) => (set(e.detail.value), flow.clear())

  const submit = () =>
    flow.run({ type: 'notice', text, source: { ...(number.trim() && { number: number.trim() }), ...(url.trim() && { url: url.trim() }) } })

  const issues = flow.error?.issues ?? []
  const of = (field: string) => issues.find((i) => i.path.endsWith(`source.${field}`))?.message
  const textIssues = issues.filter((i) => !/source\.(number|url)$/.test(i.path))
  const showMessage = flow.error && textIssues.length === 0 && !of('number') && !of('url')

  return (
    <View className="section cal-notice">
      <Text className="section__title">录入{year}年国务院放假通知</Text>
      <Text className="cal-notice__hint">
        从中国政府网复制《国务院办公厅关于{year}年部分节假日安排的通知》全文粘贴到下面，系统会逐条识别并核对日期和星期。
      </Text>
      <FormField label="通知正文" name="notice-text">
        <Textarea className="cal-notice__text" value={text} maxlength={20000} placeholder={PLACEHOLDER} onInput={edit(setText)} />
      </FormField>
      {(textIssues.length > 0 || showMessage) && (
        <View className="cal-issues">
          <Text className="cal-issues__title">{textIssues.length > 0 ? `未能保存，请核对以下${textIssues.length}处：` : '未能识别'}</Text>
          {textIssues.length > 0 ? (
            textIssues.map((i, k) => (
              <Text key={k} className="cal-issues__item">
                {k + 1}. {i.message}
              </Text>
            ))
          ) : (
            <Text className="cal-issues__item">{flow.error?.message}</Text>
          )}
        </View>
      )}
      <FormField label="文号（选填）" name="notice-number" error={of('number')}>
        <Input
          className="form-field__input"
          value={number}
          maxlength={40}
          placeholder="如 国办发明电〔2026〕7号"
          onInput={edit(setNumber)}
        />
      </FormField>
      <FormField label="网址（选填）" name="notice-url" error={of('url')}>
        <Input className="form-field__input" value={url} maxlength={300} placeholder="https://www.gov.cn/…" onInput={edit(setUrl)} />
      </FormField>
      <View className="cal-notice__buttons">
        <BigButton
          text="解析并预览"
          loading={flow.busy === 'preview'}
          loadingText="正在解析…"
          disabled={!!flow.busy || !text.trim()}
          onClick={submit}
        />
        <BigButton kind="secondary" text="取消" onClick={onCancel} />
      </View>
      <ChangePreview flow={flow} />
    </View>
  )
}
