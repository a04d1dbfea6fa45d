import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { pageLink, pageUrl, ROUTES } from '../../types/routes'

const root = join(__dirname, '../..')

/** The pages app.config.ts declares, as WeChat reads them: main-package pages, then each subpackage's root + page. */
function declaredPages(): string[] {
  const g = globalThis as { defineAppConfig?: (c: unknown) => unknown }
  g.defineAppConfig = (c) => c
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const config = require('../../src/app.config').default as { pages: string[]; subPackages: Array<{ root: string; pages: string[] }> }
  return [...config.pages, ...config.subPackages.flatMap((p) => p.pages.map((page) => `${p.root}/${page}`))]
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sourceFiles(path)
    return /\.tsx?$/.test(name) ? [path] : []
  })
}

describe('the route table', () => {
  it('when a route is listed, then it is a page of app.config.ts, and every page has a route', () => {
    const pages = declaredPages()
    const routed = Object.values(ROUTES).map((r) => r.page)
    expect(routed.filter((p) => !pages.includes(p))).toEqual([])
    expect(pages.filter((p) => !routed.includes(p))).toEqual([])
  })

  it('when a link is built, then empty values are left out and the rest are encoded', () => {
    expect(pageUrl(ROUTES.search, { departmentId: 'd 1', departmentName: '' })).toBe('/packages/search/index/index?departmentId=d%201')
    expect(pageLink(ROUTES.caseDetail, { id: 'c-1', fresh: 1 })).toBe('packages/case/detail/index?id=c-1&fresh=1')
    expect(pageUrl(ROUTES.home)).toBe('/pages/index/index')
  })

  it('when the app or a function names a page, then it does so through the route table, never as a written path', () => {
    const written = /['"`]\/?(pages|packages)\/[\w-]+\/[\w-]+(\/index)?/
    const offenders = ['src', 'cloudfunctions', 'types']
      .flatMap((d) => sourceFiles(join(root, d)))
      .map((f) => relative(root, f))
      .filter((f) => f !== 'types/routes.ts' && f !== 'src/app.config.ts')
      .filter((f) => written.test(readFileSync(join(root, f), 'utf8')))
    expect(offenders).toEqual([])
  })
})
