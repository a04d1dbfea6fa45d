import { Switch, Text, View } from '@tarojs/components'
import { CheckBox } from '../../../components/check-box'
import { TextField, type TextFieldSpec } from '../../../components/text-field'
import type { BookingForm } from './use-booking-form'

/** The booking's text fields, written once as data. */
const FIELDS = {
  relation: { label: '与预约人的关系', maxlength: 10, placeholder: '如：父亲、母亲' },
  name: { label: '姓名', maxlength: 20, placeholder: '与身份证一致' },
  idNumber: { label: '身份证号码', maxlength: 18, placeholder: '18位居民身份证号码', type: 'idcard' },
  phone: { label: '手机号码', maxlength: 11, placeholder: '11位手机号码', hint: '用于接收预约提醒', type: 'number' },
} satisfies Record<string, TextFieldSpec>

/** Who comes: for me or for someone else, the name, ID number and phone, and whether to keep them. */
export function ApplicantFields({ form, profileFailed }: { form: BookingForm; profileFailed: boolean }) {
  const { draft, errors, set } = form
  return (
    <View className="section booking-form__fields">
      <View className="booking-form__switch">
        <View className="booking-form__switch-text">
          <Text className="booking-form__switch-title">为他人预约</Text>
          <Text className="booking-form__switch-desc">如替父母、子女预约</Text>
        </View>
        <Switch
          className="booking-form__for-other"
          checked={draft.forOther}
          color="#0b57d0"
          onChange={(e) => form.setForOther(e.detail.value)}
        />
      </View>
      {draft.forOther && (
        <TextField {...FIELDS.relation} name="relation" error={errors.relation} value={draft.relation} onType={set('relation')} />
      )}
      <TextField
        {...FIELDS.name}
        label={draft.forOther ? '预约人姓名' : '姓名'}
        name="name"
        error={errors.name}
        value={draft.name}
        onType={set('name')}
      />
      <TextField {...FIELDS.idNumber} name="idNumber" error={errors.idNumber} value={draft.idNumber} onType={set('idNumber')} />
      <TextField {...FIELDS.phone} name="phone" error={errors.phone} value={draft.phone} onType={set('phone')} />
      {!draft.forOther && (
        <CheckBox label="保存为常用信息，下次自动填写" checked={form.saveAsProfile} onChange={form.setSaveAsProfile} name="save-profile" />
      )}
      {profileFailed && <Text className="booking__note">未能读取常用信息，请手动填写。</Text>}
    </View>
  )
}
