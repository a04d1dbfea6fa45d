/**
 * The functions' secret (cloudfunctions/_kit/secrets.ts) and the check of file IDs a client sends
 * back (cloudfunctions/_kit/uploads.ts).
 */
// uploads.ts initialises wx-server-sdk on import; these rules are pure and need no cloud.
jest.mock('../../cloudfunctions/_kit/cloud', () => ({ cloud: {}, db: () => ({}) }))
// eslint-disable-next-line import/first
import { cloudPathOf, isUploadIn, parseFileId } from '../../cloudfunctions/_kit/uploads'

const saved = { ...process.env }
afterEach(() => {
  for (const k of ['ID_HASH_KEY', 'TCB_ENV', 'SCF_NAMESPACE']) {
    if (saved[k] === undefined) delete process.env[k]
    else process.env[k] = saved[k]
  }
})

/** A fresh copy of secrets.ts (its "logged once" flag is per module instance, like a warm function). */
function freshSecrets(): typeof import('../../cloudfunctions/_kit/secrets') {
  let mod!: typeof import('../../cloudfunctions/_kit/secrets')
  jest.isolateModules(() => {
    mod = require('../../cloudfunctions/_kit/secrets')
  })
  return mod
}

describe('ID_HASH_KEY', () => {
  it.each([
    ['not set', undefined, /is not set/],
    ['empty', '', /is not set/],
    ['the old public default', 'local-dev-only-key', /public default/],
    ['too short', 'short-key', /shorter than 16/],
  ])('when it is %s, then every use is refused with INTERNAL for the administrator, logged once', (_what, value, why) => {
    if (value === undefined) delete process.env.ID_HASH_KEY
    else process.env.ID_HASH_KEY = value
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined)
    try {
      const { idHashKey, keyedHash, MISSING_KEY_MESSAGE } = freshSecrets()
      for (let i = 0; i < 3; i++) {
        let thrown: unknown
        try {
          keyedHash('110105194912310021')
        } catch (e) {
          thrown = e
        }
        // An AppError (of the isolated module copy): the handler answers it as { ok:false, error }.
        expect(thrown).toMatchObject({ name: 'AppError', code: 'INTERNAL', message: MISSING_KEY_MESSAGE })
      }
      expect(() => idHashKey()).toThrow(/ID_HASH_KEY/)
      expect(errors).toHaveBeenCalledTimes(1)
      expect(String(errors.mock.calls[0][0])).toMatch(why)
    } finally {
      errors.mockRestore()
    }
  })

  it('when it is set, then hashes are keyed by it: stable for one key, different under another', () => {
    process.env.ID_HASH_KEY = 'a'.repeat(64)
    const { keyedHash } = freshSecrets()
    const one = keyedHash('110105194912310021', 40)
    expect(one).toMatch(/^[0-9a-f]{40}$/)
    expect(keyedHash('110105194912310021', 40)).toBe(one)
    process.env.ID_HASH_KEY = 'b'.repeat(64)
    expect(keyedHash('110105194912310021', 40)).not.toBe(one)
  })
})

describe('file IDs sent back by a client', () => {
  const folder = 'incoming/0123456789abcdef01234567/cs-abc/'
  const id = (path: string, env = 'prod-1a2b') => `cloud://${env}.7072-prod-1a2b-1300000000/${path}`
  beforeEach(() => {
    process.env.TCB_ENV = 'prod-1a2b'
  })

  it.each([
    ['a file directly in the folder', id(`${folder}f00d`), true],
    ['a file deeper inside', id(`${folder}sub/f00d`), false],
    ['the folder itself', id(folder.slice(0, -1)), false],
    ['a sibling folder sharing the prefix', id('incoming/0123456789abcdef01234567/cs-abcd/f00d'), false],
    ['a way out with ..', id(`${folder}../../other/cs-x/f00d`), false],
    ['a way out with an encoded ..', id(`${folder}%2e%2e/f00d`), false],
    ['a ./ segment', id(`incoming/0123456789abcdef01234567/./cs-abc/f00d`), false],
    ['an empty segment', id(`incoming//0123456789abcdef01234567/cs-abc/f00d`), false],
    ['a backslash', id(`${folder}..\\f00d`), false],
    ['another environment', id(`${folder}f00d`, 'other-env'), false],
    ['no cloud:// scheme', `https://x.example/${folder}f00d`, false],
  ])('when it is %s, then isUploadIn answers %s', (_what, fileId, expected) => {
    expect(isUploadIn(fileId, folder)).toBe(expected)
  })

  it('when the file ID is well formed, then cloudPathOf answers its path; otherwise nothing', () => {
    expect(cloudPathOf(id(`${folder}f00d`))).toBe(`${folder}f00d`)
    expect(cloudPathOf(id(`${folder}../f00d`))).toBeUndefined()
    expect(parseFileId(id('materials/x/y.pdf'))).toEqual({
      env: 'prod-1a2b',
      bucket: '7072-prod-1a2b-1300000000',
      segments: ['materials', 'x', 'y.pdf'],
    })
  })
})
