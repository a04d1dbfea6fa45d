import type { CatalogInput } from '../../../types/contracts/catalog'
import type { MatterSummary } from '../../../types/domain/catalog'
import { db } from '../../_kit/cloud'
import { COLLECTIONS } from '../../_kit/collections'
import { fetchAll } from '../../_kit/fetchAll'

type SearchInput = CatalogInput<'searchMatters'>

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * Matters whose name, keywords or department match every word of `q`, best first: a name that
 * starts with the query, then one that contains it, then keyword matches. A county catalogue holds
 * a few hundred matters, so ranking the matches in memory is cheaper than a second query.
 */
export async function searchMatters({ q, departmentId, page, pageSize }: SearchInput) {
  const terms = (q ?? '').split(/\s+/).filter(Boolean)
  const where: Record<string, unknown> = {}
  if (departmentId) where.departmentId = departmentId
  if (terms.length) {
    where.searchText = db().command.and(terms.map((t) => db().RegExp({ regexp: escapeRegExp(t.toLowerCase()), options: 'i' })))
  }
  const matches = await fetchAll<MatterSummary>(COLLECTIONS.matters, where, { id: true, name: true, departmentId: true, kind: true })
  const rank = (m: MatterSummary) => (!q ? 0 : m.name.startsWith(q) ? 0 : m.name.includes(q) ? 1 : 2)
  const ranked = matches
    .map(({ id, name, departmentId, kind }) => ({ id, name, departmentId, kind }))
    .sort((a, b) => rank(a) - rank(b) || a.name.length - b.name.length || a.name.localeCompare(b.name, 'zh-CN'))
  const start = (page - 1) * pageSize
  return { items: ranked.slice(start, start + pageSize), total: ranked.length, page, pageSize }
}
