import { z } from '../zod'
import { action, defineFunction, noInput, type ActionName, type ParsedInput } from './contract'
import { departmentSchema, idSchema, matterSchema, matterSummarySchema, windowSchema } from '../domain/catalog'

const windowRef = windowSchema.pick({ id: true, name: true, number: true })

/** 预计办结 (types/domain/prediction.ts): only when at least 20 cases finished in the last six months. */
export const matterPredictionSchema = z.object({
  typicalDays: z.number().int(),
  mostDays: z.number().int(),
  sample: z.number().int(),
})

export const matterDetailSchema = matterSchema.extend({
  department: departmentSchema.pick({ id: true, name: true, location: true, phone: true }),
  windows: z.array(windowRef),
  prediction: matterPredictionSchema.optional(),
})
export type MatterDetail = z.infer<typeof matterDetailSchema>

export const catalogContract = defineFunction('catalog', '办事指南：部门、窗口与事项（一次性告知）', {
  listDepartments: action({
    summary: '列出全部部门及其窗口',
    access: 'anyone',
    input: noInput,
    output: z.object({
      departments: z.array(
        z.object({
          id: idSchema,
          name: z.string(),
          location: z.string(),
          /** The department's public phone (咨询电话), as its matters' guides show it. */
          phone: z.string(),
          matterCount: z.number().int(),
          windows: z.array(windowRef),
        }),
      ),
    }),
  }),
  searchMatters: action({
    summary: '按名称、关键词或部门查找事项，分页',
    access: 'anyone',
    input: z.strictObject({
      q: z.string().trim().max(30, '关键词最多30个字').optional(),
      departmentId: idSchema.optional(),
      page: z.number().int().min(1).max(1000).default(1),
      pageSize: z.number().int().min(1).max(50).default(20),
    }),
    output: z.object({
      items: z.array(matterSummarySchema),
      total: z.number().int(),
      page: z.number().int(),
      pageSize: z.number().int(),
    }),
  }),
  bookableMatters: action({
    summary: '预约办事：可网上预约的事项，按部门分组，近30天预约多的部门和事项在前；可按名称、关键词或部门查找',
    access: 'anyone',
    input: z.strictObject({ q: z.string().trim().max(30, '关键词最多30个字').optional() }),
    output: z.object({
      departments: z.array(
        z.object({
          id: idSchema,
          name: z.string(),
          location: z.string(),
          matters: z.array(z.object({ id: idSchema, name: z.string(), booked: z.number().int() })),
        }),
      ),
    }),
  }),
  getMatter: action({
    summary: '事项详情：材料、收费、时限、窗口、办理条件与依据',
    access: 'anyone',
    input: z.strictObject({ id: idSchema }),
    output: matterDetailSchema,
  }),
})

/** What a catalog action receives: its input as the schema parsed it (defaults filled in). */
export type CatalogInput<K extends ActionName<typeof catalogContract>> = ParsedInput<typeof catalogContract, K>
