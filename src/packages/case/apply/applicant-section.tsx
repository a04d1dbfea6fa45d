import { Text } from '@tarojs/components'
import { Section } from '../../../components/section'
import { SwitchRow } from '../../../components/switch-row'
import { fieldKeys, TextField, type TextFieldSpec } from '../../../components/text-field'
import type { Applicant, Errors } from './application'

const FIELDS: Record<keyof Applicant, TextFieldSpec> = {
  name: { label: '姓名', maxlength: 20, placeholder: '与身份证一致' },
  idNumber: { label: '身份证号码', type: 'idcard', maxlength: 18, placeholder: '18位居民身份证号码' },
  phone: { label: '手机号码', type: 'number', maxlength: 11, placeholder: '11位手机号码', hint: '用于接收办理进度通知' },
  address: { label: '联系地址（选填）', maxlength: 100, placeholder: '省市区街道门牌' },
}
const RELATION: TextFieldSpec = { label: '申请人是您的', maxlength: 10, placeholder: '如：父亲、母亲、祖母' }

export interface ApplicantSectionProps {
  applicant: Applicant
  /** 代家人申请: the relation typed so far; null when applying for oneself. */
  relation: string | null
  errors: Errors
  onType: (key: keyof Applicant, value: string) => void
  onForOther: (on: boolean) => void
  onRelation: (value: string) => void
}

/** 申请人信息: who applies, prefilled from 常用信息, or a family member the account holder applies for (代家人申请). */
export function ApplicantSection({ applicant, relation, errors, onType, onForOther, onRelation }: ApplicantSectionProps) {
  const forOther = relation !== null
  return (
    <Section title="申请人信息">
      <SwitchRow name="for-family" title="为家人申请" desc="如替父母办理，填写家人本人的信息" checked={forOther} onChange={onForOther} />
      {forOther ? (
        <TextField {...RELATION} name="app-relation" error={errors['a.relation']} value={relation} onType={onRelation} />
      ) : (
        <Text className="case-page__note">已从常用信息自动填写，请核对</Text>
      )}
      {fieldKeys(FIELDS).map((k) => (
        <TextField key={k} {...FIELDS[k]} name={`app-${k}`} error={errors[`a.${k}`]} value={applicant[k]} onType={(v) => onType(k, v)} />
      ))}
      {forOther && <Text className="case-page__note">提交后可在办件页「分享给家人查看」，家人用自己的微信也能查看办理进度。</Text>}
    </Section>
  )
}
