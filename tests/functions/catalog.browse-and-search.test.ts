import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildFunctions } from '../../scripts/build-functions'
import { INDEXES } from '../../cloudfunctions/_kit/collections'
import { matters as demoMatters } from '../../local/seed/matters'
import { seedDemoCentre } from '../../local/seed'
import { catalogContract } from '../../types/contracts'
import { dataOf } from '../support/calls'
import { apiOf, startTestCloud, type TestCloud } from '../support/cloud'

const functionsDir = mkdtempSync(join(tmpdir(), 'catalog-fns-'))
let t: TestCloud

beforeAll(async () => {
  await buildFunctions(['catalog'], undefined, functionsDir)
  t = await startTestCloud({ functionsDir, seed: seedDemoCentre, indexes: INDEXES })
})
afterAll(() => t?.close())

const catalog = apiOf(() => t, catalogContract)

describe('catalog.listDepartments', () => {
  it('when anyone lists departments, then the 35 departments come with their 62 windows and matter counts', async () => {
    const r = await catalog({ action: 'listDepartments' })
    expect(r.ok).toBe(true)
    const { departments } = dataOf(r)
    expect(departments).toHaveLength(35)
    expect(departments.flatMap((d) => d.windows)).toHaveLength(62)
    expect(departments.reduce((n, d) => n + d.matterCount, 0)).toBe(demoMatters.length)
    expect(departments.find((d) => d.id === 'dept-crj')).toMatchObject({ name: expect.stringContaining('出入境') })
  })
})

describe('catalog.searchMatters', () => {
  it('when a citizen searches 护照, then 普通护照签发 comes first', async () => {
    const r = await catalog({ action: 'searchMatters', q: '护照' }, 'demo-citizen-a')
    expect(r.ok).toBe(true)
    expect(dataOf(r).items[0]).toEqual({ id: 'm-passport', name: '普通护照签发', departmentId: 'dept-crj', kind: expect.any(String) })
    expect(dataOf(r).total).toBeGreaterThanOrEqual(1)
  })

  it('when searching by a keyword that is not in the name, then the matter is found', async () => {
    const withKeyword = demoMatters.find((m) => m.keywords.some((k) => !m.name.includes(k) && k.length >= 2))!
    const keyword = withKeyword.keywords.find((k) => !withKeyword.name.includes(k))!
    const r = await catalog({ action: 'searchMatters', q: keyword, pageSize: 50 })
    expect(dataOf(r).items.map((i) => i.id)).toContain(withKeyword.id)
  })

  it('when paging through all matters, then pages do not overlap and add up to the total', async () => {
    const first = await catalog({ action: 'searchMatters', page: 1, pageSize: 50 })
    const second = await catalog({ action: 'searchMatters', page: 2, pageSize: 50 })
    expect(dataOf(first).total).toBe(demoMatters.length)
    const ids = [...dataOf(first).items, ...dataOf(second).items].map((i) => i.id)
    expect(new Set(ids).size).toBe(demoMatters.length)
  })

  it("when filtering by department, then only that department's matters come back", async () => {
    const r = await catalog({ action: 'searchMatters', departmentId: 'dept-scjg', pageSize: 50 })
    const { items } = dataOf(r)
    expect(items.length).toBe(demoMatters.filter((m) => m.departmentId === 'dept-scjg').length)
    expect(items.every((i) => i.departmentId === 'dept-scjg')).toBe(true)
    expect(items.map((i) => i.id)).toContain('m-coop-register')
  })

  it('when the query holds regular-expression characters, then they are matched literally', async () => {
    expect(dataOf(await catalog({ action: 'searchMatters', q: '.*' }))).toMatchObject({ items: [], total: 0 })
  })

  it('when nothing matches, then an empty page with total 0', async () => {
    expect(dataOf(await catalog({ action: 'searchMatters', q: '不存在的事项名称' }))).toMatchObject({ items: [], total: 0 })
  })

  it.each([
    [{ pageSize: 51 }, 'pageSize'],
    [{ page: 0 }, 'page'],
    [{ q: '字'.repeat(31) }, 'q'],
    [{ departmentId: 'DEPT CRJ' }, 'departmentId'],
    [{ q: 42 }, 'q'],
  ])('when the input is %j, then INVALID_INPUT names %s', async (input, path) => {
    const r = await catalog.raw({ action: 'searchMatters', ...input })
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [expect.objectContaining({ path })] } })
  })
})

describe('catalog.getMatter', () => {
  it('when the passport matter is opened, then everything a citizen needs is there', async () => {
    const r = await catalog({ action: 'getMatter', id: 'm-passport' })
    expect(r.ok).toBe(true)
    const seeded = demoMatters.find((m) => m.id === 'm-passport')!
    expect(dataOf(r)).toMatchObject({
      id: 'm-passport',
      name: '普通护照签发',
      kind: seeded.kind,
      fee: seeded.fee,
      materials: seeded.materials,
      promisedLimitDays: seeded.promisedLimitDays,
      legalLimitDays: seeded.legalLimitDays,
      department: { id: 'dept-crj' },
    })
    expect(dataOf(r).windows.length).toBe(seeded.windowIds.length)
    expect(dataOf(r)).not.toHaveProperty('searchText')
    expect(dataOf(r)).not.toHaveProperty('_id')
  })

  it('when the matter does not exist, then NOT_FOUND in Chinese', async () => {
    expect(await catalog({ action: 'getMatter', id: 'm-nope' })).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: '未找到该事项' },
    })
  })

  it('when the id is malformed, then INVALID_INPUT', async () => {
    expect(await catalog.raw({ action: 'getMatter', id: { $ne: null } })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  })
})
