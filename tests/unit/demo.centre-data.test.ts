import { COLLECTIONS } from '../../cloudfunctions/_kit/collections'
import { departmentSchema, matterLimitProblems, matterSchema, windowSchema } from '../../types/domain/catalog'
import { isValidIdNumber } from '../../types/domain/id-number'
import { personaSchema, staffSchema } from '../../types/domain/staff'
import { STAFF_ROLES } from '../../types/roles'
import { departments, matters, personas, seedDemoCentre, staff, windows } from '../../local/seed'

const dept = new Map(departments.map((d) => [d.id, d]))
const win = new Map(windows.map((w) => [w.id, w]))
const dupes = (xs: readonly unknown[]) => xs.filter((x, i) => xs.indexOf(x) !== i)

describe('demo centre: shape', () => {
  it('when the demo centre is counted, then it has 35 departments, 62 windows and 60 to 100 matters', () => {
    expect(departments).toHaveLength(35)
    expect(windows).toHaveLength(62)
    expect(matters.length).toBeGreaterThanOrEqual(60)
    // tests/functions/catalog.browse-and-search.test.ts reads the whole catalogue in two pages of 50.
    expect(matters.length).toBeLessThanOrEqual(100)
  })

  it.each([
    ['department', departments, departmentSchema],
    ['window', windows, windowSchema],
    ['matter', matters, matterSchema],
    ['staff', staff, staffSchema],
    ['persona', personas, personaSchema],
  ] as const)('when every %s is parsed with its schema, then none fails', (_kind, records, schema) => {
    const failures = (records as readonly unknown[]).flatMap((r) => {
      const res = schema.safeParse(r)
      return res.success
        ? []
        : [
            {
              record: (r as { id?: string; _id?: string; key?: string }).id ?? (r as { _id?: string })._id ?? (r as { key?: string }).key,
              issues: res.error.issues,
            },
          ]
    })
    expect(failures).toEqual([])
  })

  it('when a record is parsed, then the schema keeps every field (nothing is silently stripped)', () => {
    for (const m of matters) expect(matterSchema.parse(m)).toEqual(m)
    for (const d of departments) expect(departmentSchema.parse(d)).toEqual(d)
    for (const w of windows) expect(windowSchema.parse(w)).toEqual(w)
    for (const s of staff) expect(staffSchema.parse(s)).toEqual(s)
  })

  it('when ids are compared, then departments, windows, matters and staff ids, staff numbers and OPENIDs are unique', () => {
    expect(dupes(departments.map((d) => d.id))).toEqual([])
    expect(dupes(windows.map((w) => w.id))).toEqual([])
    expect(dupes(matters.map((m) => m.id))).toEqual([])
    expect(dupes(matters.map((m) => m.name))).toEqual([])
    expect(dupes(staff.map((s) => s._id))).toEqual([])
    expect(dupes(staff.map((s) => s.staffNo))).toEqual([])
    expect(dupes(staff.map((s) => s.openid))).toEqual([])
    expect(dupes(departments.map((d) => d.order))).toEqual([])
  })

  it('when the hall is walked, then windows are win-01..win-62 numbered 1..62', () => {
    expect(windows.map((w) => w.id)).toEqual(Array.from({ length: 62 }, (_, i) => `win-${String(i + 1).padStart(2, '0')}`))
    expect(windows.map((w) => w.number)).toEqual(Array.from({ length: 62 }, (_, i) => i + 1))
  })

  it('when windows are checked, then each belongs to an existing department and every department has one', () => {
    expect(windows.filter((w) => !dept.has(w.departmentId)).map((w) => w.id)).toEqual([])
    const count = (id: string) => windows.filter((w) => w.departmentId === id).length
    expect(departments.filter((d) => count(d.id) === 0).map((d) => d.id)).toEqual([])
    expect(count('dept-crj')).toBeGreaterThanOrEqual(2)
    expect(count('dept-scjg')).toBeGreaterThanOrEqual(2)
  })

  it("when queue prefixes are checked, then they are A–H, one per hall zone, shared by a department's windows", () => {
    expect(windows.every((w) => /^[A-H]$/.test(w.queuePrefix))).toBe(true)
    expect(new Set(windows.map((w) => w.queuePrefix)).size).toBe(8)
    for (const d of departments) {
      const prefixes = new Set(windows.filter((w) => w.departmentId === d.id).map((w) => w.queuePrefix))
      expect([d.id, prefixes.size]).toEqual([d.id, 1])
    }
    const zoneOfPrefix = new Map<string, Set<string>>()
    for (const w of windows)
      zoneOfPrefix.set(w.queuePrefix, (zoneOfPrefix.get(w.queuePrefix) ?? new Set()).add(dept.get(w.departmentId)!.location))
    for (const [prefix, locations] of zoneOfPrefix) expect([prefix, [...locations].length]).toEqual([prefix, 1])
  })

  it('when matters are checked, then each has an existing department and windows of that department', () => {
    const bad = matters.flatMap((m) => {
      const problems: string[] = []
      if (!dept.has(m.departmentId)) problems.push(`${m.id}: no department ${m.departmentId}`)
      for (const w of m.windowIds) {
        if (!win.has(w)) problems.push(`${m.id}: no window ${w}`)
        else if (win.get(w)!.departmentId !== m.departmentId) problems.push(`${m.id}: ${w} belongs to ${win.get(w)!.departmentId}`)
      }
      if (dupes(m.windowIds).length) problems.push(`${m.id}: window listed twice`)
      return problems
    })
    expect(bad).toEqual([])
  })

  it('when time limits are checked, then every matter respects matterLimitProblems', () => {
    expect(matters.map((m) => [m.id, matterLimitProblems(m)]).filter(([, p]) => p.length)).toEqual([])
  })

  it('when fees and catalogue coverage are checked, then every department offers a matter and every kind occurs', () => {
    expect(departments.filter((d) => !matters.some((m) => m.departmentId === d.id)).map((d) => d.id)).toEqual([])
    expect(new Set(matters.map((m) => m.kind))).toEqual(new Set(['immediate', 'promised', 'joint', 'reported']))
    expect(matters.some((m) => !m.fee.free)).toBe(true)
    expect(matters.every((m) => m.keywords.length > 0)).toBe(true)
  })

  it('when the matters other tests rely on are looked up, then they are where the tests expect', () => {
    expect(matters.find((m) => m.id === 'm-passport')).toMatchObject({ name: '普通护照签发', departmentId: 'dept-crj' })
    expect(matters.find((m) => m.id === 'm-coop-register')).toMatchObject({ name: '农民专业合作社设立登记', departmentId: 'dept-scjg' })
    expect(dept.get('dept-crj')!.name).toContain('出入境')
    expect(dept.get('dept-office')).toBeDefined()
    // searchMatters ranks names that start with the query first: only 普通护照签发 may lead for 护照.
    const passportNames = matters.filter((m) => m.name.includes('护照')).map((m) => m.name)
    expect(passportNames.filter((n) => n.startsWith('护照') || n.length < '普通护照签发'.length)).toEqual([])
    expect(matters.some((m) => m.keywords.some((k) => k.length >= 2 && !m.name.includes(k)))).toBe(true)
  })
})

describe('demo centre: staff and personas', () => {
  it('when staff are checked, then each belongs to an existing department and sits only at its windows', () => {
    const bad = staff.flatMap((s) => [
      ...(dept.has(s.departmentId) ? [] : [`${s._id}: no department ${s.departmentId}`]),
      ...s.windowIds.filter((w) => win.get(w)?.departmentId !== s.departmentId).map((w) => `${s._id}: window ${w}`),
    ])
    expect(bad).toEqual([])
  })

  it('when the hall is staffed, then about 140 people cover every window and every department has a lead', () => {
    expect(staff.length).toBeGreaterThanOrEqual(120)
    expect(staff.length).toBeLessThanOrEqual(160)
    const active = staff.filter((s) => s.active)
    expect(windows.filter((w) => !active.some((s) => s.role === 'window_staff' && s.windowIds.includes(w.id))).map((w) => w.id)).toEqual([])
    expect(departments.filter((d) => !active.some((s) => s.role === 'dept_lead' && s.departmentId === d.id)).map((d) => d.id)).toEqual([])
    for (const role of STAFF_ROLES) expect([role, active.some((s) => s.role === role)]).toEqual([role, true])
  })

  it('when the personas are listed, then the eight keys map to the documented OPENIDs', () => {
    expect(Object.fromEntries(personas.map((p) => [p.key, p.openid]))).toEqual({
      citizen: 'demo-citizen-a',
      citizen2: 'demo-citizen-b',
      relative: 'demo-relative',
      staffCrj: 'demo-staff-crj',
      staffScjg: 'demo-staff-scjg',
      leadCrj: 'demo-lead-crj',
      supervisor: 'demo-supervisor',
      admin: 'demo-admin',
    })
    expect(personas.every((p) => /[\u4e00-\u9fa5]/.test(p.label))).toBe(true)
  })

  it.each([
    ['demo-staff-crj', 'window_staff', 'dept-crj'],
    ['demo-staff-scjg', 'window_staff', 'dept-scjg'],
    ['demo-lead-crj', 'dept_lead', 'dept-crj'],
    ['demo-supervisor', 'supervisor', undefined],
    ['demo-admin', 'admin', undefined],
  ])('when persona %s is looked up in staff, then it is an active %s', (openid, role, departmentId) => {
    const s = staff.find((x) => x.openid === openid)
    expect(s).toMatchObject({ role, active: true, ...(departmentId ? { departmentId } : {}) })
    expect(personas.find((p) => p.openid === openid)!.role).toBe(role)
  })

  it('when the staff personas are checked, then the window staff sit at windows handling the flagship matters', () => {
    const at = (openid: string) => staff.find((s) => s.openid === openid)!.windowIds
    const passport = matters.find((m) => m.id === 'm-passport')!
    const coop = matters.find((m) => m.id === 'm-coop-register')!
    expect(at('demo-staff-crj').some((w) => passport.windowIds.includes(w))).toBe(true)
    expect(at('demo-staff-scjg').some((w) => coop.windowIds.includes(w))).toBe(true)
  })

  it('when the citizen personas are checked, then none of them is bound as staff', () => {
    for (const openid of ['demo-citizen-a', 'demo-citizen-b', 'demo-relative'])
      expect(staff.find((s) => s.openid === openid)).toBeUndefined()
  })
})

describe('demo centre: no real personal data', () => {
  const everything = JSON.stringify({ departments, windows, matters, staff, personas })

  it('when the data is scanned for ID numbers, then any found is checksum-valid and clearly fictional (region 99…)', () => {
    const ids = everything.match(/(?<![0-9A-Za-z])[1-9]\d{16}[\dXx](?![0-9A-Za-z])/g) ?? []
    for (const id of ids) {
      expect(isValidIdNumber(id)).toBe(true)
      expect(id.startsWith('99')).toBe(true)
    }
  })

  it('when the data is scanned for mobile numbers, then there are none', () => {
    expect(everything.match(/(?<!\d)1[3-9]\d{9}(?!\d)/g)).toBeNull()
  })

  it('when department phones are checked, then they are landline-shaped but undialable (local number starts with 0)', () => {
    for (const d of departments) expect([d.id, /^0\d{2,3}-0\d{6,7}$/.test(d.phone)]).toEqual([d.id, true])
  })

  it('when staff names are checked, then they are two or three Chinese characters and distinct', () => {
    expect(staff.every((s) => /^[\u4e00-\u9fa5]{2,3}$/.test(s.name))).toBe(true)
    expect(dupes(staff.map((s) => s.name))).toEqual([])
  })
})

describe('seedDemoCentre', () => {
  const seeded = async () => {
    const inserted: Record<string, Record<string, unknown>[]> = {}
    await seedDemoCentre({
      insert: async (collection, docs) => {
        inserted[collection] = [...(inserted[collection] ?? []), ...docs]
      },
    })
    return inserted
  }

  it('when the centre is seeded, then departments, windows, matters, staff, the announced calendar years and the demo desk setting go to their collections', async () => {
    const inserted = await seeded()
    expect(Object.keys(inserted).sort()).toEqual(
      [
        COLLECTIONS.departments,
        COLLECTIONS.matters,
        COLLECTIONS.staff,
        COLLECTIONS.windows,
        COLLECTIONS.calendarYears,
        COLLECTIONS.settings,
      ].sort(),
    )
    expect(inserted[COLLECTIONS.settings]).toEqual([{ _id: 'assist_policy', deskDepartmentIds: ['dept-office'] }])
    expect(inserted[COLLECTIONS.calendarYears].map((y) => y._id)).toEqual(Array.from({ length: 23 }, (_, i) => String(2004 + i)))
    expect(inserted[COLLECTIONS.calendarYears].every((y) => y.status === 'official')).toBe(true)
    expect(inserted[COLLECTIONS.departments]).toHaveLength(35)
    expect(inserted[COLLECTIONS.windows]).toHaveLength(62)
    expect(inserted[COLLECTIONS.matters]).toHaveLength(matters.length)
    expect(inserted[COLLECTIONS.staff]).toHaveLength(staff.length)
  })

  it('when catalogue documents are stored, then _id equals id, the record is intact and matters carry searchText', async () => {
    const inserted = await seeded()
    for (const c of [COLLECTIONS.departments, COLLECTIONS.windows, COLLECTIONS.matters]) {
      for (const d of inserted[c]) expect(d._id).toBe(d.id)
    }
    const passport = inserted[COLLECTIONS.matters].find((d) => d.id === 'm-passport')!
    const { _id, searchText, ...rest } = passport
    expect(rest).toEqual(matters.find((m) => m.id === 'm-passport'))
    expect(searchText).toEqual(expect.stringContaining('普通护照签发'))
    expect(searchText).toEqual(expect.stringContaining('出入境'))
    for (const m of inserted[COLLECTIONS.matters]) {
      const source = matters.find((x) => x.id === m.id)!
      for (const k of source.keywords) expect(m.searchText).toEqual(expect.stringContaining(k.toLowerCase()))
    }
    for (const s of inserted[COLLECTIONS.staff]) expect(staffSchema.parse(s)).toEqual(s)
  })

  it('when seeding twice, then the documents are fresh copies (the seed data is not shared with the store)', async () => {
    const a = await seeded()
    ;(a[COLLECTIONS.matters][0].keywords as string[]).push('changed')
    ;(a[COLLECTIONS.staff][0] as { name: string }).name = 'changed'
    const b = await seeded()
    expect(b[COLLECTIONS.matters][0].keywords).not.toContain('changed')
    expect(b[COLLECTIONS.staff][0].name).not.toBe('changed')
  })
})
