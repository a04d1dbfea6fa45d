/**
 * The typed subset of the wx-server-sdk database API the functions use. The SDK's own typings
 * answer `string | void | IQueryResult` for every get(), which would force a cast at every call.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- untyped collections are read field by field where used (also by the tests sharing these types)
export type Doc = Record<string, any>

export interface Query<T = Doc> {
  where(q: Record<string, unknown> | unknown): Query<T>
  orderBy(field: string, order: 'asc' | 'desc'): Query<T>
  skip(n: number): Query<T>
  limit(n: number): Query<T>
  field(f: Record<string, boolean>): Query<T>
  get(): Promise<{ data: T[] }>
  count(): Promise<{ total: number }>
  update(u: { data: Record<string, unknown> }): Promise<{ stats: { updated: number } }>
  remove(): Promise<{ stats: { removed: number } }>
}

export interface DocumentRef<T = Doc> {
  get(): Promise<{ data: T }>
  set(u: { data: Record<string, unknown> }): Promise<unknown>
  update(u: { data: Record<string, unknown> }): Promise<{ stats: { updated: number } }>
  remove(): Promise<{ stats: { removed: number } }>
}

export interface Aggregate {
  match(q: Record<string, unknown>): Aggregate
  group(g: Record<string, unknown>): Aggregate
  sort(s: Record<string, 1 | -1>): Aggregate
  skip(n: number): Aggregate
  limit(n: number): Aggregate
  project(p: Record<string, unknown>): Aggregate
  lookup(l: Record<string, unknown>): Aggregate
  end<R = Doc>(): Promise<{ list: R[] }>
}

export interface Collection<T = Doc> extends Query<T> {
  doc(id: string): DocumentRef<T>
  add(a: { data: object }): Promise<{ _id: string }>
  aggregate(): Aggregate
}

export interface Command {
  eq(v: unknown): unknown
  neq(v: unknown): unknown
  gt(v: unknown): unknown
  gte(v: unknown): unknown
  lt(v: unknown): unknown
  lte(v: unknown): unknown
  in(v: unknown[]): unknown
  nin(v: unknown[]): unknown
  and(v: unknown[]): unknown
  or(v: unknown[]): unknown
  exists(v: boolean): unknown
  inc(n: number): unknown
  set(v: unknown): unknown
  remove(): unknown
  push(v: unknown): unknown
  pull(v: unknown): unknown
  addToSet(v: unknown): unknown
  aggregate: Record<string, (...args: unknown[]) => unknown>
}

export interface Transaction {
  collection(name: string): { doc(id: string): DocumentRef; add(a: { data: object }): Promise<{ _id: string }> }
}

export interface Database {
  collection<T = Doc>(name: string): Collection<T>
  command: Command
  RegExp(r: { regexp: string; options?: string }): unknown
  serverDate(opts?: { offset: number }): unknown
  runTransaction<R>(fn: (t: Transaction) => Promise<R>, times?: number): Promise<R>
}
