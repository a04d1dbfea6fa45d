import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { buildFunctions } from '../../scripts/build-functions'

/** Bundle fixture functions from tests/local/fixtures/<name> into a fresh temp functions folder. */
export async function buildFixtures(names: string[], from = resolve(__dirname, '..', 'local', 'fixtures')): Promise<string> {
  const out = mkdtempSync(join(tmpdir(), 'local-fns-'))
  await buildFunctions(names, from, out)
  return out
}
