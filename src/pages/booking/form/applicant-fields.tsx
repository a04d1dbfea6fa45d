import { Input, Switch, Text, View } from '@tarojs/components'
import { CheckBox } from '../../../components/check-box'
import { FormField } from '../../../components/form-field'
import type { BookingForm } from './use-booking-form'

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
        <FormField label="与预约人的关系" name="relation" error={errors.relation}>
          <Input
            className="form-field__input"
            value={draft.relation}
            maxlength={10}
            placeholder="如：父亲、母亲"
            onInput={(e) => set('relation')(e.detail.value)}
          />
        </FormField>
      )}
      <FormField label={draft.forOther ? '预约人姓名' : '姓名'} name="name" error={errors.name}>
        <Input
          className="form-field__input"
          value={draft.name}
          maxlength={20}
          placeholder="与身份证一致"
          onInput={(e) => set('name')(e.detail.value)}
        />
      </FormField>
      <FormField label="身份证号码" name="idNumber" error={errors.idNumber}>
        <Input
          className="form-field__input"
          type="idcard"
          value={draft.idNumber}
          maxlength={18}
          placeholder="18位居民身份证号码"
          onInput={(e) => set('idNumber')(e.detail.value)}
        />
      </FormField>
      <FormField label="手机号码" name="phone" error={errors.phone} hint="用于接收预约提醒">
        <Input
          className="form-field__input"
          type="number"
          value={draft.phone}
          maxlength={11}
          placeholder="11位手机号码"
          onInput={(e) => set('phone')(e.detail.value)}
        />
      </FormField>
      {!draft.forOther && (
        <CheckBox label="保存为常用信息，下次自动填写" checked={form.saveAsProfile} onChange={form.setSaveAsProfile} name="save-profile" />
      )}
      {profileFailed && <Text className="booking__note">未能读取常用信息，请手动填写。</Text>}
    </View>
  )
}
