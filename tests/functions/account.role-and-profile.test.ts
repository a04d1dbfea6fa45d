import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildFunctions } from '../../scripts/build-functions'
import { INDEXES } from '../../cloudfunctions/_kit/collections'
import { seedDemoCentre } from '../../local/seed'
import { accountContract } from '../../types/contracts'
import { apiOf, startTestCloud, type TestCloud } from '../support/cloud'
import { idNumberFor } from '../support/people'

const functionsDir = mkdtempSync(join(tmpdir(), 'account-fns-'))
let t: TestCloud

beforeAll(async () => {
  await buildFunctions(['account'], undefined, functionsDir)
  t = await startTestCloud({ functionsDir, seed: seedDemoCentre, indexes: INDEXES })
})
afterAll(() => t?.close())

const account = apiOf(() => t, accountContract)

describe('account', () => {
  it('when staff ask who they are, then the role comes from the staff collection; a new OPENID is a citizen', async () => {
    expect(await account({ action: 'whoami' }, 'demo-lead-crj')).toMatchObject({
      ok: true,
      data: { role: 'dept_lead', staff: { departmentId: 'dept-crj' } },
    })
    expect(await account({ action: 'whoami' }, 'o-brand-new')).toEqual({ ok: true, data: { role: 'citizen' } })
    expect(await account({ action: 'whoami' })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
  })

  it('when a citizen saves a profile, then only they read it back', async () => {
    const profile = { name: '张伟', idNumber: idNumberFor(3), phone: '13912345678' }
    expect(await account({ action: 'getProfile' }, 'o-prof-1')).toEqual({ ok: true, data: { profile: null } })
    expect(await account({ action: 'saveProfile', ...profile }, 'o-prof-1')).toMatchObject({ ok: true })
    expect(await account({ action: 'getProfile' }, 'o-prof-1')).toEqual({ ok: true, data: { profile } })
    expect(await account({ action: 'getProfile' }, 'o-prof-2')).toEqual({ ok: true, data: { profile: null } })
  })

  it('when a profile has a bad ID number, then INVALID_INPUT and nothing is saved', async () => {
    const r = await account({ action: 'saveProfile', name: '李四', idNumber: '110101198001011234', phone: '13912345678' }, 'o-prof-3')
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: 'idNumber' }] } })
    expect(await account({ action: 'getProfile' }, 'o-prof-3')).toEqual({ ok: true, data: { profile: null } })
  })
})

describe('account.whoami', () => {
  it.each([
    ['demo-staff-crj', 'window_staff'],
    ['demo-lead-crj', 'dept_lead'],
    ['demo-supervisor', 'supervisor'],
    ['demo-admin', 'admin'],
    ['demo-citizen-a', 'citizen'],
    ['o-never-seen-before', 'citizen'],
  ])('when %s asks, then the server says %s', async (openid, role) => {
    expect(await account({ action: 'whoami' }, openid)).toMatchObject({ ok: true, data: { role } })
  })

  it('when staff ask, then they hear whether they work the 帮办 desk (the departments the assist policy names, and the office)', async () => {
    // The demo policy names the centre office (dept-office) as the desk.
    expect(await account({ action: 'whoami' }, 'demo-supervisor')).toMatchObject({ ok: true, data: { staff: { assistDesk: true } } })
    expect(await account({ action: 'whoami' }, 'demo-staff-crj')).toMatchObject({ ok: true, data: { staff: { assistDesk: false } } })
    expect(await account({ action: 'whoami' }, 'demo-admin')).toMatchObject({ ok: true, data: { staff: { assistDesk: false } } })
    await t.db
      .collection('settings')
      .doc('assist_policy')
      .set({ data: { deskDepartmentIds: ['dept-office', 'dept-crj'] } })
    expect(await account({ action: 'whoami' }, 'demo-staff-crj')).toMatchObject({ ok: true, data: { staff: { assistDesk: true } } })
    await t.db
      .collection('settings')
      .doc('assist_policy')
      .set({ data: { deskDepartmentIds: ['dept-office'] } })
  })

  it('when the caller has no OPENID, then UNAUTHENTICATED', async () => {
    expect(await account({ action: 'whoami' })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
  })
})
