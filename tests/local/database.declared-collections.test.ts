import { buildFixtures } from '../support/fixtures'
import { startTestCloud, type TestCloud } from '../support/cloud'

let t: TestCloud

beforeAll(async () => {
  t = await startTestCloud({
    functionsDir: await buildFixtures(['probe']),
    collections: ['known'],
    indexes: { indexed: [{ name: 'k', keys: { k: 1 } }] },
  })
})
afterAll(() => t?.close())

describe('collections declared like a deployment', () => {
  it('when a declared or indexed collection is read before any write, then it is empty, not missing', async () => {
    expect((await t.db.collection('known').count()).total).toBe(0)
    expect((await t.db.collection('indexed').get()).data).toEqual([])
  })

  it('when an undeclared collection is read or written, then DATABASE_COLLECTION_NOT_EXIST (-502005)', async () => {
    await expect(t.db.collection('typo_collection').get()).rejects.toMatchObject({ errCode: -502005 })
    await expect(t.db.collection('typo_collection').add({ data: { a: 1 } })).rejects.toMatchObject({ errCode: -502005 })
  })

  it('when db.createCollection runs, then the collection exists; creating it again fails', async () => {
    await t.db.createCollection('created_later')
    await t.db.collection('created_later').add({ data: { a: 1 } })
    expect((await t.db.collection('created_later').count()).total).toBe(1)
    await expect(t.db.createCollection('created_later')).rejects.toMatchObject({ errMsg: expect.stringContaining('already') })
  })
})
