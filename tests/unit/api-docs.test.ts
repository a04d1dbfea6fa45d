import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { renderApiDocs } from '../../scripts/api-docs'
import { contracts } from '../../types/contracts'

describe('API reference', () => {
  it('when the contracts change, then docs/api.md must be regenerated (npm run docs:api)', () => {
    expect(readFileSync(join(__dirname, '../../docs/api.md'), 'utf8')).toBe(renderApiDocs())
  })

  it('when the reference is rendered, then it lists every function and action with its roles', () => {
    const doc = renderApiDocs()
    for (const c of contracts) for (const name of Object.keys(c.actions)) expect(doc).toContain(`### \`${c.name}.${name}\``)
    expect(doc).toContain('任何人（含未登录）')
  })
})
