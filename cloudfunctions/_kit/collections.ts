/**
 * Every collection the functions use and the indexes their queries need. The local cloud enforces
 * the unique ones; the deploy guide (README) creates the same indexes in a real cloud environment.
 */
export const COLLECTIONS = {
  departments: 'departments',
  windows: 'windows',
  matters: 'matters',
  staff: 'staff',
} as const

export interface IndexSpec {
  name: string
  keys: Record<string, 1 | -1>
  unique?: boolean
}

export const INDEXES: Record<string, IndexSpec[]> = {
  [COLLECTIONS.windows]: [{ name: 'departmentId', keys: { departmentId: 1 } }],
  [COLLECTIONS.matters]: [{ name: 'departmentId', keys: { departmentId: 1 } }],
  [COLLECTIONS.staff]: [{ name: 'openid_unique', keys: { openid: 1 }, unique: true }],
}
