/**
 * The local cloud's data folder (DATA_DIR, default .data/): the op log (db.log), the lock, the
 * stored files (files/) and the generated secret (id-hash-key). The log holds whole documents,
 * cases with full ID numbers among them, so the folder is the owner's alone: created 0700, every
 * file in it 0600, and a folder left by an older version (0755, files 0644) is tightened on start.
 * Modes are what `open(2)` is given; the process umask can only take bits away, never add them.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import { join } from 'node:path'

export const DIR_MODE = 0o700
export const FILE_MODE = 0o600

/** Create (or tighten) a private folder. */
export function privateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: DIR_MODE })
  chmodSync(dir, DIR_MODE)
}

/** The entries of a data folder that are ours; anything else someone keeps there is left alone. */
const OWN_FILES = ['db.log', 'db.lock', 'id-hash-key']
const OWN_DIRS = ['files']

function tightenTree(dir: string): void {
  chmodSync(dir, DIR_MODE)
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name)
    if (entry.isDirectory()) tightenTree(p)
    else if (entry.isFile()) chmodSync(p, FILE_MODE)
  }
}

/** Make an existing data folder private again: the folder and the files and folders the local cloud keeps in it. */
export function tightenDataDir(dir: string): void {
  privateDir(dir)
  for (const name of OWN_FILES) if (existsSync(join(dir, name))) chmodSync(join(dir, name), FILE_MODE)
  for (const name of OWN_DIRS) if (existsSync(join(dir, name))) tightenTree(join(dir, name))
}

const KEY_FILE = 'id-hash-key'

/**
 * The functions' ID_HASH_KEY for this data folder: generated on first start and kept, because
 * stored person keys and storage folders are hashes under it (a new key would orphan them). A cloud
 * without a data folder (tests) gets a fresh key per start.
 */
export function idHashKeyFor(dataDir: string | undefined): string {
  if (!dataDir) return randomBytes(32).toString('hex')
  const file = join(dataDir, KEY_FILE)
  if (existsSync(file)) {
    const key = readFileSync(file, 'utf8').trim()
    if (key.length >= 32) return key
  }
  const key = randomBytes(32).toString('hex')
  writeFileSync(file, key + '\n', { mode: FILE_MODE })
  chmodSync(file, FILE_MODE)
  return key
}
