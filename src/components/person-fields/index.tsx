import { TextField, type TextFieldSpec } from '../text-field'

/** Who comes or is waited for: a person's own details, and how they are related when it is for someone else. */
export interface PersonDraft {
  forOther: boolean
  relation: string
  name: string
  idNumber: string
  phone: string
}
type Key = 'relation' | 'name' | 'idNumber' | 'phone'

const FIELDS = {
  relation: { label: '与预约人的关系', maxlength: 10, placeholder: '如：父亲、母亲' },
  name: { label: '姓名', maxlength: 20, placeholder: '与身份证一致' },
  idNumber: { label: '身份证号码', maxlength: 18, placeholder: '18位居民身份证号码', type: 'idcard' },
  phone: { label: '手机号码', maxlength: 11, placeholder: '11位手机号码', type: 'number' },
} satisfies Record<Key, TextFieldSpec>

export interface PersonFieldsProps {
  draft: PersonDraft
  errors: Partial<Record<Key, string>>
  set: (key: Key) => (value: string) => void
  /** What the phone number is for (预约提醒, 候补通知). */
  phoneHint: string
}

/** The relation (for someone else), name, ID number and phone of a booking or a waitlist entry. */
export function PersonFields({ draft, errors, set, phoneHint }: PersonFieldsProps) {
  return (
    <>
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
      <TextField {...FIELDS.phone} hint={phoneHint} name="phone" error={errors.phone} value={draft.phone} onType={set('phone')} />
    </>
  )
}

/** The relation a booking for someone else must name (the schema leaves it optional for a booking for oneself). */
export const relationMissing = (d: Pick<PersonDraft, 'forOther' | 'relation'>) =>
  d.forOther && !d.relation.trim() ? [{ path: 'relation', message: '请填写与预约人的关系' }] : []
