import { z } from '../types/zod'
import { contracts } from '../types/contracts'
import { ROLE_LABELS, type Access } from '../types/roles'

/** The part of a JSON schema (as z.toJSONSchema writes it) the rendering reads. */
interface JsonSchema {
  $ref?: string
  $defs?: Record<string, JsonSchema>
  const?: unknown
  enum?: unknown[]
  anyOf?: JsonSchema[]
  oneOf?: JsonSchema[]
  type?: string
  required?: string[]
  properties?: Record<string, JsonSchema>
  items?: JsonSchema
  minItems?: number
  maxItems?: number
  minLength?: number
  maxLength?: number
  pattern?: string
  minimum?: number
  maximum?: number
  default?: unknown
}

/** A TypeScript-like one-line rendering of a JSON schema, with the limits that matter to a caller. */
function render(s: JsonSchema, defs: Record<string, JsonSchema> = {}): string {
  if (s.$ref) return render(defs[s.$ref.split('/').pop()!] ?? {}, defs)
  if (s.const !== undefined) return JSON.stringify(s.const)
  if (s.enum) return s.enum.map((v: unknown) => JSON.stringify(v)).join(' | ')
  const options = s.anyOf ?? s.oneOf
  if (options) return options.map((x) => render(x, defs)).join(' | ')
  const limits = (parts: Array<[string, unknown]>) => {
    const l = parts.filter(([, v]) => v !== undefined && Math.abs(Number(v)) < 1e15).map(([k, v]) => `${k} ${v}`)
    return l.length ? ` (${l.join(', ')})` : ''
  }
  switch (s.type) {
    case 'object': {
      const req = new Set<string>(s.required ?? [])
      const props = Object.entries(s.properties ?? {}).map(([k, v]) => `${k}${req.has(k) ? '' : '?'}: ${render(v, defs)}`)
      return props.length ? `{ ${props.join('; ')} }` : '{}'
    }
    case 'array':
      return `Array<${render(s.items ?? {}, defs)}>${limits([
        ['min', s.minItems],
        ['max', s.maxItems],
      ])}`
    case 'string':
      return `string${limits([
        ['min', s.minLength],
        ['max', s.maxLength],
        ['pattern', s.pattern],
      ])}`
    case 'integer':
    case 'number':
      return `${s.type}${limits([
        ['≥', s.minimum],
        ['≤', s.maximum],
      ])}${s.default !== undefined ? ` = ${s.default}` : ''}`
    case 'boolean':
      return 'boolean'
    default:
      return 'unknown'
  }
}

const schemaText = (schema: z.ZodType, io: 'input' | 'output') => {
  const js = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema
  return render(js, js.$defs)
}

const accessText = (a: Access) => (a === 'anyone' ? '任何人（含未登录）' : a.map((r) => `${r}（${ROLE_LABELS[r]}）`).join('、'))

/** docs/api.md, generated from the contracts in types/contracts; a test fails when the file is stale. */
export function renderApiDocs(): string {
  const out: string[] = [
    '# 云函数 API 参考',
    '',
    '> Generated from `types/contracts/` by `npm run docs:api`. Do not edit by hand: a test fails when this file is stale.',
    '',
    'Every call is `callFunction({ name, data: { action, ...input } })` in the mini-program, or `POST /api/fn/<name>` with the same JSON body through the local gateway.',
    'Every answer is `{ ok: true, data }` or `{ ok: false, error: { code, message, issues? } }` with `code` one of INVALID_INPUT, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT, RATE_LIMITED, INTERNAL.',
    "Identity is the caller's OPENID from WeChat; roles come from the `staff` collection. Inputs are strict: unknown fields are refused.",
    '',
  ]
  for (const c of contracts) {
    out.push(`## \`${c.name}\` — ${c.summary}`, '')
    for (const [name, a] of Object.entries(c.actions)) {
      out.push(
        `### \`${c.name}.${name}\``,
        '',
        a.summary,
        '',
        `- Allowed: ${accessText(a.access)}`,
        `- Input: \`${schemaText(a.input, 'input')}\``,
        `- Output (data): \`${schemaText(a.output, 'output')}\``,
        '',
      )
    }
  }
  return out.join('\n')
}
