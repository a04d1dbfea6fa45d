/** The check of file IDs a client sends back (cloudfunctions/_kit/uploads.ts): only a file directly in its own upload folder passes. */
// uploads.ts initialises wx-server-sdk on import; these rules are pure and need no cloud.
jest.mock('../../cloudfunctions/_kit/cloud', () => ({ cloud: {}, db: () => ({}) }))
import { cloudPathOf, isUploadIn, parseFileId } from '../../cloudfunctions/_kit/uploads'

const saved = { ...process.env }
afterEach(() => {
  for (const k of ['ID_HASH_KEY', 'TCB_ENV', 'SCF_NAMESPACE']) {
    if (saved[k] === undefined) delete process.env[k]
    else process.env[k] = saved[k]
  }
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
