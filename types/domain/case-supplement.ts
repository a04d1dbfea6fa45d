import { z } from '../zod'

/**
 * A supplement request (补正告知) lists every missing or wrong item at once (一次性告知). An item
 * names a checklist material (by its position), a form field (by its key) or, for anything else,
 * a short label; each says what is wrong.
 */
export const supplementItemSchema = z
  .strictObject({
    material: z.number().int().min(0).max(50).optional(),
    field: z
      .string()
      .regex(/^[a-z][A-Za-z0-9]{0,31}$/)
      .optional(),
    other: z.string().trim().min(2).max(30).optional(),
    problem: z.string().trim().min(2, '请写明需要补正的内容').max(200, '说明最多200个字'),
  })
  .refine((i) => [i.material, i.field, i.other].filter((x) => x !== undefined).length === 1, '每一项须指明一个材料、表单字段或其他事项')
export type SupplementItem = z.infer<typeof supplementItemSchema>

export const supplementItemsSchema = z.array(supplementItemSchema).min(1, '请列出需要补正的全部事项').max(30)

/** What an item is about, independent of the wording: two requests naming the same thing share a key. */
export const itemKey = (i: Pick<SupplementItem, 'material' | 'field' | 'other'>): string =>
  i.material !== undefined ? `material:${i.material}` : i.field !== undefined ? `field:${i.field}` : `other:${i.other}`

/**
 * Items of a later request that no earlier request named: each one is a 一次性告知 failure (the
 * first request should have listed it), recorded in the audit as a process error.
 */
export const newlyNamed = (earlierKeys: readonly string[], items: readonly SupplementItem[]): string[] =>
  items.map(itemKey).filter((k) => !earlierKeys.includes(k))
