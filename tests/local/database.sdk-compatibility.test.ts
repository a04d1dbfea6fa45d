import { adminPost } from '../support/admin'
import { buildFixtures } from '../support/fixtures'
import { startTestCloud, type TestCloud } from '../support/cloud'
import type { Command, Query } from '../../cloudfunctions/_kit/db-types'

/** The SDK's commands as this file uses them: a comparison chains with another (`_.gt(19).and(_.lte(42))`). */
type Comparison = { and(other: unknown): unknown }
type Commands = Omit<Command, 'gt' | 'gte' | 'lt' | 'lte'> & { [K in 'gt' | 'gte' | 'lt' | 'lte']: (v: unknown) => Comparison }

let t: TestCloud
let _: Commands

beforeAll(async () => {
  t = await startTestCloud({
    functionsDir: await buildFixtures(['probe']),
    indexes: { users: [{ name: 'phone_unique', keys: { phone: 1 }, unique: true }] },
  })
  _ = t.db.command as Commands
  await t.db.collection('people').add({
    data: {
      _id: 'p1',
      name: '张三',
      age: 30,
      city: '南昌',
      tags: ['a', 'b'],
      profile: { level: 2 },
      joined: new Date('2026-01-05T00:00:00Z'),
    },
  })
  await t.db.collection('people').add({
    data: {
      _id: 'p2',
      name: '李四',
      age: 42,
      city: '九江',
      tags: ['b'],
      profile: { level: 5 },
      joined: new Date('2026-03-01T00:00:00Z'),
    },
  })
  await t.db
    .collection('people')
    .add({ data: { _id: 'p3', name: '王五', age: 19, city: '南昌', tags: [], joined: new Date('2026-06-30T00:00:00Z') } })
  await t.db.collection('people').add({
    data: {
      _id: 'p4',
      name: 'Zhao',
      age: 65,
      city: '赣州',
      tags: ['c'],
      profile: { level: 1 },
      retired: true,
      joined: new Date('2025-12-31T00:00:00Z'),
    },
  })
})
afterAll(() => t?.close())

const ids = async (q: Query) => (await q.get()).data.map((d) => d._id).sort()
const people = () => t.db.collection('people')

describe('queries', () => {
  it.each([
    ['gt / lte', () => ({ age: _.gt(19).and(_.lte(42)) }), ['p1', 'p2']],
    ['in / nin', () => ({ city: _.in(['南昌', '赣州']), name: _.nin(['王五']) }), ['p1', 'p4']],
    ['neq', () => ({ city: _.neq('南昌') }), ['p2', 'p4']],
    ['or', () => _.or([{ age: _.lt(20) }, { retired: true }]), ['p3', 'p4']],
    ['exists', () => ({ profile: _.exists(false) }), ['p3']],
    ['nested field', () => ({ 'profile.level': _.gte(2) }), ['p1', 'p2']],
    ['nested object', () => ({ profile: { level: 5 } }), ['p2']],
    ['array contains', () => ({ tags: 'b' }), ['p1', 'p2']],
    ['regexp', () => ({ name: t.db.RegExp({ regexp: '^zh', options: 'i' }) }), ['p4']],
    ['date range', () => ({ joined: _.gte(new Date('2026-01-01T00:00:00Z')).and(_.lt(new Date('2026-06-01T00:00:00Z'))) }), ['p1', 'p2']],
  ])('when filtering with %s, then exactly the matching documents come back', async (_label, where, expected) => {
    expect(await ids(people().where(where()))).toEqual(expected)
  })

  it('when ordering, skipping, limiting and picking fields, then the page has only those fields in that order', async () => {
    const { data } = await people()
      .where({ age: _.gt(0) })
      .orderBy('age', 'desc')
      .skip(1)
      .limit(2)
      .field({ name: true, age: true })
      .get()
    expect(data).toEqual([
      { _id: 'p2', name: '李四', age: 42 },
      { _id: 'p1', name: '张三', age: 30 },
    ])
  })

  it('when counting, then the total of matching documents is answered', async () => {
    expect((await people().where({ city: '南昌' }).count()).total).toBe(2)
  })

  it('when a document is read, then Dates come back as Dates', async () => {
    const { data } = await people().doc('p1').get()
    expect(data.joined).toEqual(new Date('2026-01-05T00:00:00Z'))
  })

  it('when a document does not exist, then doc().get() fails', async () => {
    await expect(people().doc('nobody').get()).rejects.toMatchObject({ errMsg: expect.stringContaining('nobody') })
  })

  it('when a page larger than 1000 is asked for, then the SDK caps it at 1000 and the server refuses more', async () => {
    await t.db.collection('many').add({ data: { i: 0 } })
    const docs = Array.from({ length: 1100 }, (_x, i) => ({ i: i + 1 }))
    await Promise.all(docs.map((d) => t.db.collection('many').add({ data: d })))
    expect((await t.db.collection('many').limit(5000).get()).data).toHaveLength(1000)
    const res = await adminPost(t.cloud, { action: 'database.getDocument', collectionName: 'many', query: '{}', limit: 1001 })
    expect(await res.json()).toMatchObject({ code: 'INVALID_PARAM', message: expect.stringContaining('limit') })
  })
})

describe('updates', () => {
  it('when update operators are applied, then the document changes exactly so', async () => {
    await t.db.collection('counters').add({ data: { _id: 'c1', n: 1, list: [1, 2, 3], tags: ['x'], stale: true, meta: { a: 1 } } })
    const r = await t.db
      .collection('counters')
      .doc('c1')
      .update({
        data: {
          n: _.inc(2),
          list: _.pull(2),
          tags: _.push(['y']),
          stale: _.remove(),
          meta: { b: 2 },
          set: _.addToSet('z'),
          touched: t.db.serverDate(),
        },
      })
    expect(r.stats.updated).toBe(1)
    const { data } = await t.db.collection('counters').doc('c1').get()
    expect(data).toMatchObject({ n: 3, list: [1, 3], tags: ['x', 'y'], meta: { a: 1, b: 2 }, set: ['z'] })
    expect(data).not.toHaveProperty('stale')
    expect(Math.abs(data.touched.getTime() - Date.now())).toBeLessThan(5000)
  })

  it('when _.set replaces an object, then its old fields are gone', async () => {
    await t.db
      .collection('counters')
      .doc('c1')
      .update({ data: { meta: _.set({ only: true }) } })
    expect((await t.db.collection('counters').doc('c1').get()).data.meta).toEqual({ only: true })
  })

  it('when a where-update matches several documents, then all are updated and the count says so', async () => {
    await Promise.all(
      ['w1', 'w2', 'w3'].map((id, i) => t.db.collection('batch').add({ data: { _id: id, group: i < 2 ? 'a' : 'b', n: 0 } })),
    )
    expect(
      (
        await t.db
          .collection('batch')
          .where({ group: 'a' })
          .update({ data: { n: _.inc(1) } })
      ).stats.updated,
    ).toBe(2)
    expect((await t.db.collection('batch').where({ n: 1 }).count()).total).toBe(2)
  })

  it('when doc().set() is used, then the document is replaced, or created when missing', async () => {
    await t.db
      .collection('batch')
      .doc('w1')
      .set({ data: { replaced: true } })
    expect((await t.db.collection('batch').doc('w1').get()).data).toEqual({ _id: 'w1', replaced: true })
    await t.db
      .collection('batch')
      .doc('new-one')
      .set({ data: { created: true } })
    expect((await t.db.collection('batch').doc('new-one').get()).data).toEqual({ _id: 'new-one', created: true })
  })

  it('when removing by condition, then only matching documents go', async () => {
    expect((await t.db.collection('batch').where({ group: 'b' }).remove()).stats.removed).toBe(1)
    expect(await ids(t.db.collection('batch'))).toEqual(['new-one', 'w1', 'w2'])
  })
})

describe('aggregation', () => {
  it('when grouping, matching and sorting, then the totals are computed like MongoDB', async () => {
    const $ = _.aggregate
    const { list } = await people()
      .aggregate()
      .match({ age: _.gte(19) })
      .group({ _id: '$city', n: $.sum(1), avgAge: $.avg('$age') })
      .sort({ n: -1, _id: 1 })
      .end()
    expect(list).toEqual([
      { _id: '南昌', n: 2, avgAge: 24.5 },
      { _id: '九江', n: 1, avgAge: 42 },
      { _id: '赣州', n: 1, avgAge: 65 },
    ])
  })

  it('when looking up another collection, then the joined documents are attached', async () => {
    await t.db.collection('cities').add({ data: { _id: '南昌', province: '江西' } })
    const { list } = await people()
      .aggregate()
      .match({ _id: 'p1' })
      .lookup({ from: 'cities', localField: 'city', foreignField: '_id', as: 'c' })
      .end()
    expect(list[0].c).toEqual([{ _id: '南昌', province: '江西' }])
  })
})

describe('unique indexes', () => {
  it('when a second document takes a unique value, then the write fails with E11000 and -502001', async () => {
    await t.db.collection('users').add({ data: { _id: 'u1', phone: '13800000001' } })
    await expect(t.db.collection('users').add({ data: { phone: '13800000001' } })).rejects.toMatchObject({
      errCode: -502001,
      errMsg: expect.stringMatching(/E11000 duplicate key.*phone_unique/),
    })
    await t.db.collection('users').add({ data: { _id: 'u2', phone: '13800000002' } })
    await expect(
      t.db
        .collection('users')
        .doc('u2')
        .update({ data: { phone: '13800000001' } }),
    ).rejects.toMatchObject({ errCode: -502001 })
    expect((await t.db.collection('users').count()).total).toBe(2)
  })

  it('when the same _id is added twice, then the second add fails', async () => {
    await expect(t.db.collection('users').add({ data: { _id: 'u1', phone: '13800000009' } })).rejects.toMatchObject({ errCode: -502001 })
  })

  it('when the holder of a unique value is removed, then the value can be taken again', async () => {
    await t.db.collection('users').doc('u1').remove()
    await expect(t.db.collection('users').add({ data: { phone: '13800000001' } })).resolves.toHaveProperty('_id')
  })
})

describe('transactions', () => {
  beforeAll(async () => {
    await t.db.collection('accounts').add({ data: { _id: 'a', balance: 100 } })
    await t.db.collection('accounts').add({ data: { _id: 'b', balance: 0 } })
  })
  const balance = async (id: string) => (await t.db.collection('accounts').doc(id).get()).data.balance

  it('when runTransaction completes, then all of its writes are committed', async () => {
    const r = await t.db.runTransaction(async (tx) => {
      const a = (await tx.collection('accounts').doc('a').get()).data
      await tx
        .collection('accounts')
        .doc('a')
        .update({ data: { balance: a.balance - 30 } })
      await tx
        .collection('accounts')
        .doc('b')
        .update({ data: { balance: _.inc(30) } })
      await tx.collection('transfers').add({ data: { from: 'a', to: 'b', amount: 30 } })
      return 'done'
    })
    expect(r).toBe('done')
    expect([await balance('a'), await balance('b')]).toEqual([70, 30])
    expect((await t.db.collection('transfers').count()).total).toBe(1)
  })

  it('when the transaction callback throws, then none of its writes remain', async () => {
    await expect(
      t.db.runTransaction(async (tx) => {
        await tx
          .collection('accounts')
          .doc('a')
          .update({ data: { balance: _.inc(-50) } })
        await tx.collection('transfers').add({ data: { from: 'a', to: 'b', amount: 50 } })
        throw new Error('insufficient approval')
      }),
    ).rejects.toThrow('insufficient approval')
    expect(await balance('a')).toBe(70)
    expect((await t.db.collection('transfers').count()).total).toBe(1)
  })

  it('when a started transaction is rolled back, then its writes are undone and others never saw them', async () => {
    const tx = await t.db.startTransaction()
    await tx
      .collection('accounts')
      .doc('b')
      .update({ data: { balance: 999 } })
    expect(await balance('b')).toBe(30) // outside the transaction: committed state only
    await tx.rollback()
    expect(await balance('b')).toBe(30)
  })

  it('when 20 transactions increment the same document at once, then no increment is lost', async () => {
    await Promise.all(
      Array.from({ length: 20 }, () =>
        t.db.runTransaction(async (tx) => {
          const b = (await tx.collection('accounts').doc('b').get()).data
          await tx
            .collection('accounts')
            .doc('b')
            .update({ data: { balance: b.balance + 1 } })
        }),
      ),
    )
    expect(await balance('b')).toBe(50)
  })
})
