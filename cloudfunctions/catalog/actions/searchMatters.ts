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
/** The query on `searchText` that every word of `q` must match (none for an empty `q`). */
export function searchTextWhere(q: string | undefined): Record<string, unknown> {
  const terms = (q ?? '').split(/\s+/).filter(Boolean)
  return terms.length
    ? { searchText: db().command.and(terms.map((t) => db().RegExp({ regexp: escapeRegExp(t.toLowerCase()), options: 'i' }))) }
    : {}
}

export async function searchMatters({ q, departmentId, page, pageSize }: SearchInput) {
  const where: Record<string, unknown> = { ...searchTextWhere(q), ...(departmentId ? { departmentId } : {}) }
  const matches = await fetchAll<MatterSummary>(COLLECTIONS.matters, where, { id: true, name: true, departmentId: true, kind: true })
  const rank = (m: MatterSummary) => (!q ? 0 : m.name.startsWith(q) ? 0 : m.name.includes(q) ? 1 : 2)
  const ranked = matches
    .map(({ id, name, departmentId, kind }) => ({ id, name, departmentId, kind }))
    .sort((a, b) => rank(a) - rank(b) || a.name.length - b.name.length || a.name.localeCompare(b.name, 'zh-CN'))
  const start = (page - 1) * pageSize
  return { items: ranked.slice(start, start + pageSize), total: ranked.length, page, pageSize }
}
