import { Input, Picker, Text, Textarea, View } from '@tarojs/components'
import type { FormField as FieldDef } from '../../../types/domain/matter-form'
import { ChoiceChips } from '../choice-chips'
import { FormField } from '../form-field'

/** What the person typed, as text: numbers become numbers only when sent (see formValuesOut). */
export type FormDraft = Record<string, string>

/** Form values as the case function takes them: empty fields left out, number fields as numbers. */
export function formValuesOut(fields: readonly FieldDef[], draft: FormDraft): Record<string, string | number> {
  const out: Record<string, string | number> = {}
  for (const f of fields) {
    const v = (draft[f.key] ?? '').trim()
    if (v === '') continue
    out[f.key] = f.type === 'number' && /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : f.type === 'idNumber' ? v.toUpperCase() : v
  }
  return out
}

export function formDraftOf(values: Record<string, string | number> | undefined): FormDraft {
  return Object.fromEntries(Object.entries(values ?? {}).map(([k, v]) => [k, String(v)]))
}

export interface MatterFieldsProps {
  fields: readonly FieldDef[]
  values: FormDraft
  errors: Record<string, string | undefined>
  onChange: (key: string, value: string) => void
}

/** The matter's own form, rendered from its field definitions (types/domain/matter-form.ts). */
export function MatterFields({ fields, values, errors, onChange }: MatterFieldsProps) {
  return (
    <View>
      {fields.map((f) => {
        const v = values[f.key] ?? ''
        const label = f.required ? f.label : `${f.label}（选填）`
        const set = (x: string) => onChange(f.key, x)
        let control
        switch (f.type) {
          case 'textarea':
            control = (
              <Textarea
                className="form-field__textarea"
                value={v}
                maxlength={f.maxLength ?? 300}
                autoHeight
                placeholder={f.hint ?? `请填写${f.label}`}
                onInput={(e) => set(e.detail.value)}
              />
            )
            break
          case 'date':
            control = (
              <Picker mode="date" value={v || '2000-01-01'} onChange={(e) => set(String(e.detail.value))}>
                <View className="form-field__picker">
                  {v ? <Text>{v}</Text> : <Text className="form-field__placeholder">请选择日期</Text>}
                </View>
              </Picker>
            )
            break
          case 'select': {
            const options = f.options ?? []
            // A few choices are shown all at once (easier than a wheel for older eyes and hands).
            if (options.length <= 8) {
              return (
                <View key={f.key} className={`form-field form-field--f-${f.key}${errors[f.key] ? ' form-field--invalid' : ''}`}>
                  <Text className="form-field__label">{label}</Text>
                  <ChoiceChips name={`f-${f.key}`} options={options.map((o) => ({ value: o, label: o }))} value={v} onChange={set} />
                  {errors[f.key] ? (
                    <Text className="form-field__error">{errors[f.key]}</Text>
                  ) : f.hint ? (
                    <Text className="form-field__hint">{f.hint}</Text>
                  ) : null}
                </View>
              )
            }
            control = (
              <Picker
                mode="selector"
                range={options}
                value={Math.max(0, options.indexOf(v))}
                onChange={(e) => set(options[Number(e.detail.value)] ?? '')}
              >
                <View className="form-field__picker">{v ? <Text>{v}</Text> : <Text className="form-field__placeholder">请选择</Text>}</View>
              </Picker>
            )
            break
          }
          default:
            control = (
              <Input
                className="form-field__input"
                type={f.type === 'number' ? 'digit' : f.type === 'phone' ? 'number' : f.type === 'idNumber' ? 'idcard' : 'text'}
                value={v}
                maxlength={f.type === 'idNumber' ? 18 : f.type === 'phone' ? 11 : (f.maxLength ?? 50)}
                placeholder={f.hint ?? `请填写${f.label}`}
                onInput={(e) => set(e.detail.value)}
              />
            )
        }
        return (
          <FormField
            key={f.key}
            label={label}
            name={`f-${f.key}`}
            error={errors[f.key]}
            hint={f.type === 'textarea' || f.type === 'date' || f.type === 'select' ? f.hint : undefined}
          >
            {control}
          </FormField>
        )
      })}
    </View>
  )
}
