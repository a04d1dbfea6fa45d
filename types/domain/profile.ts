import { z } from '../zod'
import { idNumberSchema, mobileSchema, personNameSchema } from './booking'

/**
 * The citizen's own details, kept so that no form asks twice (避免二次录入). Only the owner reads
 * them back whole; everything else shows them masked.
 */
export const profileSchema = z.object({
  name: personNameSchema,
  idNumber: idNumberSchema,
  phone: mobileSchema,
  address: z.string().trim().max(100, '地址最多100个字').optional(),
})
export type Profile = z.infer<typeof profileSchema>
