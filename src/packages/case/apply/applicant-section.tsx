import { Text } from '@tarojs/components'
import { Section } from '../../../components/section'
import { fieldKeys, TextField, type TextFieldSpec } from '../../../components/text-field'
import type { Applicant, Errors } from './application'

const FIELDS: Record<keyof Applicant, TextFieldSpec> = {
  name: { label: '姓名', maxlength: 20, placeholder: '与身份证一致' },
  idNumber: { label: '身份证号码', type: 'idcard', maxlength: 18, placeholder: '18位居民身份证号码' },
  phone: { label: '手机号码', type: 'number', maxlength: 11, placeholder: '11位手机号码', hint: '用于接收办理进度通知' },
  address: { label: '联系地址（选填）', maxlength: 100, placeholder: '省市区街道门牌' },
}

export interface ApplicantSectionProps {
  applicant: Applicant
  errors: Errors
  onType: (key: keyof Applicant, value: string) => void
}

/** 申请人信息: who applies, prefilled from 常用信息. */
export function ApplicantSection({ applicant, errors, onType }: ApplicantSectionProps) {
  return (
    <Section title="申请人信息">
      <Text className="case-page__note">已从常用信息自动填写，请核对</Text>
      {fieldKeys(FIELDS).map((k) => (
        <TextField key={k} {...FIELDS[k]} name={`app-${k}`} error={errors[`a.${k}`]} value={applicant[k]} onType={(v) => onType(k, v)} />
      ))}
    </Section>
  )
}
