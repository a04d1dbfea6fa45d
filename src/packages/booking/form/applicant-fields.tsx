import { Text, View } from '@tarojs/components'
import { CheckBox } from '../../../components/check-box'
import { PersonFields } from '../../../components/person-fields'
import { SwitchRow } from '../../../components/switch-row'
import type { BookingForm } from './use-booking-form'

/** Who comes: for me or for someone else, the name, ID number and phone, and whether to keep them. */
export function ApplicantFields({ form, profileFailed }: { form: BookingForm; profileFailed: boolean }) {
  const { draft, errors, set } = form
  return (
    <View className="section booking-form__fields">
      <SwitchRow name="for-other" title="为他人预约" desc="如替父母、子女预约" checked={draft.forOther} onChange={form.setForOther} />
      <PersonFields draft={draft} errors={errors} set={set} phoneHint="用于接收预约提醒" />
      {!draft.forOther && (
        <CheckBox label="保存为常用信息，下次自动填写" checked={form.saveAsProfile} onChange={form.setSaveAsProfile} name="save-profile" />
      )}
      {profileFailed && <Text className="booking__note">未能读取常用信息，请手动填写。</Text>}
    </View>
  )
}
