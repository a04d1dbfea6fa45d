/** The functions' secret (cloudfunctions/_kit/secrets.ts): refused when missing or weak, and keying every hash. */
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
    // isolateModules hands out a fresh copy only to a synchronous require inside it.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
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
