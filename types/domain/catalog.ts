import { z } from '../zod'
import { formFieldsSchema } from './matter-form'

/** Record ids are short lowercase slugs (e.g. `dept-crj`, `win-12`, `m-passport`). */
export const idSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{1,47}$/, '编号格式不正确')

export const MATTER_KINDS = ['immediate', 'promised', 'joint', 'reported'] as const
export type MatterKind = (typeof MATTER_KINDS)[number]
/** 即办件 is done on the spot; the centre promises 联办件 and 上报件 within 5 working days (matterLimitProblems). */
export const MATTER_KIND_LABELS: Record<MatterKind, string> = {
  immediate: '即办件',
  promised: '承诺件',
  joint: '联办件',
  reported: '上报件',
}

export const windowSchema = z.object({
  id: idSchema,
  name: z.string().min(1).max(40),
  /** Window number shown in the hall, e.g. "12号窗口". */
  number: z.number().int().positive(),
  departmentId: idSchema,
  /** Queue ticket prefix of the window group, e.g. "A". */
  queuePrefix: z.string().regex(/^[A-Z]$/),
})
export type ServiceWindow = z.infer<typeof windowSchema>

/** `3号窗口`: a window by its number, as the hall's signs and the calling screen name it. */
export const windowNumberLabel = (number: number) => `${number}号窗口`
/** `一楼A区 3号窗口`: where a window is (its department's location, then its number), as notices tell a citizen. */
export const windowPlace = (location: string, number: number) => `${location} ${windowNumberLabel(number)}`

export const departmentSchema = z.object({
  id: idSchema,
  name: z.string().min(1).max(40),
  /** Where the department sits in the hall, e.g. "一楼东区". */
  location: z.string().max(40),
  phone: z.string().max(20),
  order: z.number().int(),
})
export type Department = z.infer<typeof departmentSchema>

export const MATERIAL_FORMS = ['original', 'copy', 'original_and_copy', 'electronic'] as const
export const MATERIAL_FORM_LABELS: Record<(typeof MATERIAL_FORMS)[number], string> = {
  original: '原件',
  copy: '复印件',
  original_and_copy: '原件及复印件',
  electronic: '电子材料',
}

export const materialSchema = z.object({
  name: z.string().min(1).max(80),
  form: z.enum(MATERIAL_FORMS),
  copies: z.number().int().min(1).max(20),
  required: z.boolean(),
  /** Whether the citizen may upload it online instead of bringing paper. */
  uploadable: z.boolean(),
  notes: z.string().max(300).optional(),
  /** Description of the sample (样表) staff keep at the window. */
  sample: z.string().max(200).optional(),
})
export type Material = z.infer<typeof materialSchema>

export const feeSchema = z.discriminatedUnion('free', [
  z.object({ free: z.literal(true) }),
  z.object({
    free: z.literal(false),
    /** Amount in yuan, as written in the fee standard. */
    amount: z.number().nonnegative(),
    standard: z.string().min(1).max(200),
    legalBasis: z.string().min(1).max(300),
  }),
])
export type Fee = z.infer<typeof feeSchema>

export const matterFlagsSchema = z.object({
  appointment: z.boolean(),
  onlineApplication: z.boolean(),
  doorToDoor: z.boolean(),
  atMostOneTrip: z.boolean(),
})

export const matterSchema = z.object({
  id: idSchema,
  name: z.string().min(2).max(60),
  departmentId: idSchema,
  windowIds: z.array(idSchema).min(1),
  kind: z.enum(MATTER_KINDS),
  /** 个人 or 法人 (citizens or enterprises). */
  audience: z.enum(['person', 'enterprise', 'both']),
  legalLimitDays: z.number().int().min(0).max(365),
  promisedLimitDays: z.number().int().min(0).max(365),
  fee: feeSchema,
  materials: z.array(materialSchema).min(1),
  conditions: z.array(z.string().min(1).max(300)).min(1),
  legalBasis: z.array(z.string().min(1).max(300)).min(1),
  steps: z.array(z.string().min(1).max(100)).min(1),
  flags: matterFlagsSchema,
  keywords: z.array(z.string().min(1).max(20)),
  notes: z.string().max(500).optional(),
  /** The online application form (网上申请); matters without it apply with the applicant block only. */
  formFields: formFieldsSchema.optional(),
  /** 联办件: the other departments that each own a sub-task of every case. */
  jointDepartmentIds: z.array(idSchema).optional(),
})
export type Matter = z.infer<typeof matterSchema>

/** The promised limit can never exceed the legal one; joint and reported matters close within 5 days. */
export function matterLimitProblems(m: Matter): string[] {
  const problems: string[] = []
  if (m.promisedLimitDays > m.legalLimitDays) problems.push('承诺时限不得超过法定时限')
  if (m.kind === 'immediate' && m.promisedLimitDays !== 0) problems.push('即办件承诺时限应为0')
  if ((m.kind === 'joint' || m.kind === 'reported') && m.promisedLimitDays > 5) problems.push('联办件、上报件应在5个工作日内办结')
  return problems
}

export const matterSummarySchema = matterSchema.pick({ id: true, name: true, departmentId: true, kind: true })
export type MatterSummary = z.infer<typeof matterSummarySchema>
