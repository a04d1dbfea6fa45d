import { formFieldsSchema, formSchemaOf, missingFields, type FormField } from '../../types/domain/matter-form'
import { matters } from '../../local/seed'
import { idNumberFor } from '../support/people'

const fields: FormField[] = [
  { key: 'purpose', label: '出境事由', type: 'select', required: true, options: ['旅游', '商务'] },
  { key: 'destination', label: '前往国家或地区', type: 'text', required: true, maxLength: 10 },
  { key: 'count', label: '人数', type: 'number', required: false, min: 1, max: 5 },
  { key: 'since', label: '日期', type: 'date', required: false },
  { key: 'contactId', label: '联系人身份证号', type: 'idNumber', required: false },
  { key: 'phone', label: '电话', type: 'phone', required: true },
]
const good = { purpose: '旅游', destination: '日本', phone: '13912345678' }
const valid = idNumberFor(8)
const badChecksum = valid.slice(0, 17) + (valid[17] === '0' ? '1' : '0')

describe('formSchemaOf', () => {
  it('when every required field is valid, then the form passes, trimmed and upper-cased as the types say', () => {
    const id = idNumberFor(5).toLowerCase()
    expect(formSchemaOf(fields).parse({ ...good, destination: ' 日本 ', contactId: id })).toEqual({ ...good, contactId: id.toUpperCase() })
  })

  it.each([
    ['a choice not offered', { purpose: '移民' }, 'purpose'],
    ['text over its limit', { destination: '一二三四五六七八九十一' }, 'destination'],
    ['a number out of range', { count: 9 }, 'count'],
    ['a number sent as text', { count: '2' }, 'count'],
    ['an impossible date', { since: '2026-02-30' }, 'since'],
    ['a wrong ID checksum', { contactId: badChecksum }, 'contactId'],
    ['a landline where a mobile is asked', { phone: '0359-1234567' }, 'phone'],
    ['a field the matter does not define', { hobby: '钓鱼' }, ''],
  ])('when a form has %s, then it is refused at that field', (_name, over, path) => {
    const r = formSchemaOf(fields).safeParse({ ...good, ...over })
    expect(r.success).toBe(false)
    expect(r.error!.issues[0].path.join('.') || (r.error!.issues[0] as { keys?: string[] }).keys?.join('')).toBe(path || 'hobby')
  })

  it('when required fields are missing or empty, then each is asked for by its label, whatever its type', () => {
    const r = formSchemaOf(fields).safeParse({ destination: '', purpose: undefined })
    expect(r.success).toBe(false)
    const messages = Object.fromEntries(r.error!.issues.map((i) => [i.path.join('.'), i.message]))
    expect(messages).toEqual({ purpose: '请填写出境事由', destination: '请填写前往国家或地区', phone: '请填写电话' })
  })

  it('when a draft is partial, then missing fields pass but wrong ones do not', () => {
    expect(formSchemaOf(fields, { partial: true }).safeParse({ purpose: '旅游' }).success).toBe(true)
    expect(formSchemaOf(fields, { partial: true }).safeParse({ phone: '123' }).success).toBe(false)
    expect(formSchemaOf(fields).safeParse({ purpose: '旅游' }).success).toBe(false)
    expect(missingFields(fields, { purpose: '旅游', destination: '' })).toEqual(['前往国家或地区', '电话'])
  })

  it('when field lists are defined, then duplicate keys and selects without options are refused', () => {
    expect(formFieldsSchema.safeParse([fields[0], fields[0]]).success).toBe(false)
    expect(formFieldsSchema.safeParse([{ key: 'x', label: '选择', type: 'select', required: true }]).success).toBe(false)
  })

  it('when the demo matters with a form are checked, then 普通护照签发 has one and every form is valid', () => {
    const withForm = matters.filter((m) => m.formFields)
    expect(withForm.map((m) => m.id)).toEqual(expect.arrayContaining(['m-passport', 'm-business-startup']))
    for (const m of withForm) expect([m.id, formFieldsSchema.safeParse(m.formFields).success]).toEqual([m.id, true])
    expect(matters.filter((m) => m.kind === 'joint').every((m) => (m.jointDepartmentIds ?? []).length > 0)).toBe(true)
  })
})
