import { z } from '../zod'
import { idNumberSchema, mobileSchema } from './booking'
import { isBeijingDate } from './dates'

/**
 * The application form of a matter (申请表), defined with the matter as a short list of typed
 * fields. `formSchemaOf` turns the list into the zod schema that checks the values, so the page
 * and the case function validate with the very same rules.
 */
export const FORM_FIELD_TYPES = ['text', 'textarea', 'number', 'date', 'select', 'idNumber', 'phone'] as const
export type FormFieldType = (typeof FORM_FIELD_TYPES)[number]

export const formFieldSchema = z
  .object({
    /** Key of the value in the stored form: a short camelCase word. */
    key: z.string().regex(/^[a-z][A-Za-z0-9]{0,31}$/, '字段键应为英文小驼峰'),
    label: z.string().min(1).max(20),
    type: z.enum(FORM_FIELD_TYPES),
    required: z.boolean(),
    /** text/textarea: longest value in characters (default 50 / 300). */
    maxLength: z.number().int().min(1).max(1000).optional(),
    /** number: inclusive bounds. */
    min: z.number().optional(),
    max: z.number().optional(),
    /** select: the choices, shown and stored as written. */
    options: z.array(z.string().min(1).max(30)).min(2).max(30).optional(),
    hint: z.string().max(60).optional(),
  })
  .refine((f) => f.type !== 'select' || (f.options?.length ?? 0) >= 2, { message: '下拉选择字段至少需要两个选项', path: ['options'] })
export type FormField = z.infer<typeof formFieldSchema>

export const formFieldsSchema = z
  .array(formFieldSchema)
  .max(30)
  .refine((fs) => new Set(fs.map((f) => f.key)).size === fs.length, '字段键不能重复')

/** A stored form: plain values only (what the schema of its fields accepts). */
export type FormValues = Record<string, string | number>

function valueSchema(f: FormField): z.ZodType {
  switch (f.type) {
    case 'text':
    case 'textarea': {
      const max = f.maxLength ?? (f.type === 'text' ? 50 : 300)
      return z.string().trim().min(1, `请填写${f.label}`).max(max, `${f.label}最多${max}个字`)
    }
    case 'number': {
      let n = z.number({ error: `${f.label}应为数字` })
      if (f.min !== undefined) n = n.min(f.min, `${f.label}不能小于${f.min}`)
      if (f.max !== undefined) n = n.max(f.max, `${f.label}不能大于${f.max}`)
      return n
    }
    case 'date':
      return z.string().refine(isBeijingDate, `${f.label}格式应为YYYY-MM-DD`)
    case 'select':
      return z.enum(f.options as [string, ...string[]], { error: `请从选项中选择${f.label}` })
    case 'idNumber':
      return idNumberSchema
    case 'phone':
      return mobileSchema
  }
}

/** A required field's value: missing or empty is 「请填写…」 by its label, whatever its type (not zod's 「期望 string」). */
const requiredValue = (f: FormField, s: z.ZodType) =>
  z
    .unknown()
    .refine((v) => v !== undefined && v !== null && v !== '', { message: `请填写${f.label}`, abort: true })
    .pipe(s)

/**
 * The schema of a form's values. Strict: a key the matter does not define is refused. With
 * `partial` (a draft), every field may be missing but whatever is there must already be valid.
 */
export function formSchemaOf(fields: readonly FormField[], opts: { partial?: boolean } = {}) {
  const shape: Record<string, z.ZodType> = {}
  for (const f of fields) {
    const s = valueSchema(f)
    shape[f.key] = opts.partial || !f.required ? s.optional() : requiredValue(f, s)
  }
  return z.strictObject(shape)
}

/** Fields a complete form still lacks (labels, in form order): what the page lists before submit. */
export const missingFields = (fields: readonly FormField[], values: Record<string, unknown>): string[] =>
  fields.filter((f) => f.required && (values[f.key] === undefined || values[f.key] === '')).map((f) => f.label)
