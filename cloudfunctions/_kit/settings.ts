import type { z } from '../../types/zod'
import { db } from './cloud'
import { COLLECTIONS } from './collections'
import { log } from './log'

type Policy = z.ZodObject

const memo = new Map<string, { at: number; value: Promise<unknown> }>()
/** The last malformed content logged per setting, so a warm instance logs each bad document once, not on every read. */
const logged = new Map<string, string>()

/**
 * One document of the `settings` collection (`_id` = `id`) over its defaults, the one way every
 * function reads a policy. The rule:
 *  - no document: the defaults;
 *  - a document: each field it gives replaces the default, fields it leaves out keep theirs, and
 *    fields the schema does not know are ignored;
 *  - a document that does not fit the schema is logged (the setting's id and the paths of the
 *    fields at fault, never their values) and read field by field: every field that fits its own
 *    schema is kept, every other one falls back to its default; should the result still not fit
 *    (a rule across fields), the defaults apply as a whole. A bad setting never fails the action
 *    that reads it, and an administrator's typo costs only the field it is in;
 *  - a read that fails (the database is unreachable) throws, like any other read.
 * `maxAgeMs` lets a warm instance keep what it read that long (a failed read is not kept); without
 * it every call reads the document, so a change applies at once.
 */
export function readSetting<S extends Policy>(id: string, schema: S, defaults: z.output<S>, { maxAgeMs = 0 } = {}): Promise<z.output<S>> {
  const hit = memo.get(id)
  if (maxAgeMs > 0 && hit && Date.now() - hit.at < maxAgeMs) return hit.value as Promise<z.output<S>>
  const value = load(id, schema, defaults)
  if (maxAgeMs > 0) {
    memo.set(id, { at: Date.now(), value })
    value.catch(() => memo.delete(id))
  }
  return value
}

async function load<S extends Policy>(id: string, schema: S, defaults: z.output<S>): Promise<z.output<S>> {
  const { data } = await db().collection(COLLECTIONS.settings).where({ _id: id }).limit(1).get()
  if (!data[0]) return defaults
  const { _id, ...stored } = data[0] as Record<string, unknown>
  const whole = schema.safeParse({ ...defaults, ...stored })
  if (whole.success) return whole.data
  const paths = [...new Set(whole.error.issues.map((i) => i.path.map(String).join('.') || '(document)'))]
  const content = JSON.stringify(stored)
  if (logged.get(id) !== content) {
    logged.set(id, content)
    log.error('settings', new Error(`${id} does not fit its schema at ${paths.join(', ')}; the defaults apply there`))
  }
  const merged: Record<string, unknown> = { ...defaults }
  for (const [key, field] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
    if (key in stored && field.safeParse(stored[key]).success) merged[key] = stored[key]
  }
  const fieldwise = schema.safeParse(merged)
  return fieldwise.success ? fieldwise.data : defaults
}
