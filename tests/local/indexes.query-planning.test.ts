/**
 * The store answers queries from the declared indexes (local/indexes.ts): the same documents, in
 * the same order, as a scan; and a query no declared index serves is pointed out, as production
 * would scan for it.
 */
import { EJSON } from 'bson'
import { Database } from '../../local/database'
import { keysAt, valueKey } from '../../local/indexes'
import { Store, type IndexSpec } from '../../local/store'
import { Transactions } from '../../local/transactions'

const INDEXES: Record<string, IndexSpec[]> = {
  items: [
    { name: 'code_unique', keys: { code: 1 }, unique: true },
    { name: 'owner_at', keys: { owner: 1, at: -1 } },
    { name: 'tags', keys: { tags: 1 } },
    { name: 'attempts.at', keys: { 'attempts.at': 1 } },
    { name: 'state', keys: { state: 1 } },
  ],
}

function database(indexes: Record<string, IndexSpec[]>, onUnindexed?: (c: string, f: string[]) => void) {
  const store = new Store(indexes)
  const tx = new Transactions(store, () => undefined)
  return { store, tx, db: new Database(store, tx, { onUnindexed }) }
}

const wire = (v: unknown) => EJSON.stringify(v as never, { relaxed: false })
const find = async (db: Database, query: object, extra: object = {}) =>
  (
    (await db.handle('database.getDocument', { collectionName: 'items', query: wire(query), limit: 1000, ...extra }, '')).data as {
      list: string[]
    }
  ).list.map((d) => (EJSON.parse(d) as { _id: string })._id)

/** Documents with the shapes the functions store: scalars, missing fields, arrays, arrays of objects, Dates. */
const docs = Array.from({ length: 300 }, (_x, i) => ({
  _id: `d${i}`,
  code: `C${i}`,
  ...(i % 7 === 0 ? {} : { owner: i % 11 === 0 ? null : `o${i % 13}` }),
  at: new Date(Date.UTC(2026, 0, 1) + i * 3_600_000),
  tags: i % 3 === 0 ? [`t${i % 5}`, `t${(i + 1) % 5}`] : `t${i % 5}`,
  attempts: i % 4 === 0 ? [] : [{ id: 'a', at: new Date(Date.UTC(2026, 0, 1) + (i % 10) * 86_400_000) }],
  state: ['open', 'used', 'closed'][i % 3],
  n: i % 2 === 0 ? i : i + 0.5,
}))

const queries: object[] = [
  { code: 'C42' },
  { code: { $in: ['C1', 'C2', 'C299', 'nope'] } },
  { owner: 'o3' },
  { owner: null },
  { owner: 'o3', at: { $gte: new Date(Date.UTC(2026, 0, 5)) } },
  { owner: { $eq: 'o5' }, state: 'open' },
  { tags: 't2' },
  { tags: ['t0', 't1'] },
  { tags: { $in: ['t4', 't9'] } },
  { tags: { $all: ['t1', 't2'] } },
  { 'attempts.at': new Date(Date.UTC(2026, 0, 3)) },
  { 'attempts.at': { $lt: new Date(Date.UTC(2026, 0, 3)) } },
  { $or: [{ code: 'C7' }, { owner: 'o1' }] },
  { $or: [{ code: 'C7' }, { n: 8 }] },
  { $and: [{ state: 'used' }, { owner: 'o2' }] },
  { state: { $ne: 'open' } },
  { n: { $gt: 100 } },
]

describe('indexed queries', () => {
  it.each(queries.map((q) => [JSON.stringify(q), q]))(
    'when querying %s, then the indexed store answers exactly what a scan answers, in the same order',
    async (_name, query) => {
      // structuredClone under jest makes objects of another realm, as the demo seed does: the index
      // must read them as mingo does.
      for (const copy of [(d: typeof docs) => d, (d: typeof docs) => structuredClone(d)]) {
        const indexed = database(INDEXES).db
        const plain = database({}).db
        for (const db of [indexed, plain]) db.insertDocs('items', copy(docs))
        // Changes after insert: the indexes must follow updates and removals.
        for (const db of [indexed, plain]) {
          await db.handle(
            'database.modifyDocument',
            {
              collectionName: 'items',
              query: wire({ code: 'C3' }),
              data: wire({ $set: { owner: 'o5', tags: ['t2', 't9'] } }),
              multi: true,
            },
            '',
          )
          await db.handle('database.removeDocument', { collectionName: 'items', query: wire({ code: 'C9' }), multi: true }, '')
        }
        expect(await find(indexed, query)).toEqual(await find(plain, query))
      }
    },
  )

  it('when an open transaction has changed a document, then an indexed query by others still sees the committed version', async () => {
    const { db, tx } = database(INDEXES)
    db.insertDocs('items', docs)
    const id = await tx.start('tok')
    await db.handle(
      'database.modifyDocument',
      { collectionName: 'items', query: wire({ _id: 'd13' }), data: wire({ $set: { owner: 'o-moved' } }), transactionId: id },
      'tok',
    )
    expect(await find(db, { owner: 'o-moved' })).toEqual([])
    expect(await find(db, { owner: 'o0' })).toContain('d13')
    tx.commit(id)
    expect(await find(db, { owner: 'o-moved' })).toEqual(['d13'])
    expect(await find(db, { owner: 'o0' })).not.toContain('d13')
  })

  it('when a value sits in an array or behind an array of objects, then it is indexed under each element, and a missing field under null', () => {
    expect(keysAt({ tags: ['a', 'b'] }, 'tags')).toEqual(new Set([valueKey(['a', 'b']), valueKey('a'), valueKey('b')]))
    expect(keysAt({ attempts: [{ at: 1 }, { at: 2 }] }, 'attempts.at')).toEqual(new Set([valueKey(1), valueKey(2)]))
    expect(keysAt({ attempts: [] }, 'attempts.at')).toEqual(new Set(['null']))
    expect(keysAt({}, 'owner')).toEqual(new Set(['null']))
    expect(valueKey(new Date(5))).toBe(valueKey(new Date(5)))
    expect(valueKey(1)).not.toBe(valueKey('1'))
  })
})

describe('queries no declared index serves', () => {
  it('when a query filters only on undeclared fields, then it is reported with the field names and no values', async () => {
    const reports: Array<[string, string[]]> = []
    const { db } = database(INDEXES, (c, f) => reports.push([c, f]))
    db.insertDocs('items', docs)
    await find(db, { n: 8, 'attempts.id': '11010519491231002X' })
    expect(reports).toEqual([['items', ['attempts.id', 'n']]])
  })

  it.each([
    ['by _id', { _id: 'd1' }],
    ['by _id range', { _id: { $gt: 'd1' } }],
    ['by a leading field', { owner: 'o1', n: 3 }],
    ['by a range on a leading field', { 'attempts.at': { $lt: new Date() } }],
    ['with every $or branch indexed', { $or: [{ code: 'C1' }, { state: 'open' }] }],
    ['with no condition (a deliberate full read)', {}],
  ])('when a query is %s, then nothing is reported', async (_what, query) => {
    const reports: unknown[] = []
    const { db } = database(INDEXES, (c, f) => reports.push([c, f]))
    db.insertDocs('items', docs)
    await find(db, query)
    expect(reports).toEqual([])
  })

  it.each([
    ['$ne on a leading field', { state: { $ne: 'open' } }],
    ['an $or with an unindexed branch', { $or: [{ code: 'C1' }, { n: 3 }] }],
    ['a second index field alone', { at: { $gt: new Date(0) } }],
  ])('when a query has %s, then it is reported', async (_what, query) => {
    const reports: unknown[] = []
    const { db } = database(INDEXES, (c, f) => reports.push([c, f]))
    db.insertDocs('items', docs)
    await find(db, query)
    expect(reports).toHaveLength(1)
  })
})
