/** The demo centre's personas (local/seed/personas.ts) and a test cloud seeded with it. */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildFunctions } from '../../scripts/build-functions'
import { INDEXES } from '../../cloudfunctions/_kit/collections'
import { seedDemoCentre } from '../../local/seed'
import { startTestCloud, type TestCloud } from './cloud'

export const A = 'demo-citizen-a'
export const B = 'demo-citizen-b'
/** 王芳 ZW0001, window staff of dept-crj. */
export const STAFF = 'demo-staff-crj'
/** 赵磊 ZW0002, window staff of dept-scjg. */
export const STAFF_SCJG = 'demo-staff-scjg'
/** 陈静 ZW0003, lead of dept-crj. */
export const LEAD = 'demo-lead-crj'
export const SUPERVISOR = 'demo-supervisor'
export const ADMIN = 'demo-admin'
export const PASSPORT = 'm-passport'

/** A test cloud with the demo centre and the named functions, bundled into a fresh folder. */
export async function startDemoCloud(functions: string[]): Promise<TestCloud> {
  const dir = mkdtempSync(join(tmpdir(), `${functions.join('-')}-fns-`))
  await buildFunctions(functions, undefined, dir)
  return startTestCloud({ functionsDir: dir, seed: seedDemoCentre, indexes: INDEXES })
}
