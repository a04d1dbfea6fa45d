/**
 * The demo centre (绛县政务服务中心, demo data): 35 departments, 62 windows, the matter catalogue,
 * about 140 staff and the dev-login personas. `seedDemoCentre` writes it into a fresh store.
 */
import { COLLECTIONS } from '../../cloudfunctions/_kit/collections'
import type { Department, Matter } from '../../types/domain/catalog'
import { LIBRARY_YEARS, libraryYear } from '../../types/domain/working-days'
import { departments } from './departments'
import { matters } from './matters'
import { personas } from './personas'
import { staff } from './staff'
import { windows } from './windows'

export { departments, matters, personas, staff, windows }
export { persona, type PersonaKey } from './personas'
export { seedDemoHistory } from './history'

export interface SeedDb {
  insert(collection: string, docs: Record<string, unknown>[]): void | Promise<void>
}

/**
 * What catalog.searchMatters matches against (it queries `searchText` case-insensitively): the
 * name, the keywords and the department's name, lower-cased. Whoever writes a matter (seed, import,
 * admin edit) must store it alongside; getMatter never returns it.
 */
export function matterSearchText(m: Pick<Matter, 'name' | 'keywords'>, departmentName: string): string {
  return [m.name, ...m.keywords, departmentName].join(' ').toLowerCase()
}

/** A stored document: a deep copy of the record plus `_id` equal to its `id` (functions read both). */
const doc = <T extends { id: string }>(r: T): Record<string, unknown> & T & { _id: string } => ({ _id: r.id, ...structuredClone(r) })

/** The documents seedDemoCentre inserts, by collection (fresh copies on every call). */
export function demoDocuments(): Record<string, Record<string, unknown>[]> {
  const deptName = new Map(departments.map((d: Department) => [d.id, d.name]))
  return {
    [COLLECTIONS.departments]: departments.map(doc),
    [COLLECTIONS.windows]: windows.map(doc),
    [COLLECTIONS.matters]: matters.map((m) => ({ ...doc(m), searchText: matterSearchText(m, deptName.get(m.departmentId) ?? '') })),
    [COLLECTIONS.staff]: staff.map((s) => structuredClone(s)),
    [COLLECTIONS.calendarYears]: calendarYears(),
    // The demo centre's 帮办 desk is its office's 综合服务区 (一楼D区): their staff claim 帮办代办 requests.
    [COLLECTIONS.settings]: [{ _id: 'assist_policy', deskDepartmentIds: ['dept-office'] }],
  }
}

/** The years chinese-days ships, stored as official: the administrator's year view starts from them. */
function calendarYears(): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = []
  for (let y = LIBRARY_YEARS.first; y <= LIBRARY_YEARS.last; y++)
    out.push({ _id: String(y), ...libraryYear(y), version: 1, enteredBy: { staffNo: 'SYSTEM', name: '系统初始化' } })
  return out
}

export async function seedDemoCentre(db: SeedDb): Promise<void> {
  for (const [collection, docs] of Object.entries(demoDocuments())) await db.insert(collection, docs)
}
