/**
 * The weapp build compiles with WeChat's own template and style compilers (wcc, wcsc from the npm
 * package miniprogram-compiler — the same binaries DevTools runs), lists the pages the app config
 * declares, and keeps the main package small enough to upload without a size warning.
 */
import { spawnSync } from 'node:child_process'
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, posix } from 'node:path'
import { allPages, listFiles, packageSizes, readAppJson, requireWeappBuild, root, subPackagesOf, weappDir } from './build'

const KB = 1024
/** WeChat's scan tool warns above 1.5 MB per package; uploads fail above 2 MB (platform-limits G1, G2). */
const MAIN_PACKAGE_LIMIT = 1536 * KB
const SUBPACKAGE_LIMIT = 1536 * KB

const binDir = join(root, 'node_modules', 'miniprogram-compiler', 'bin', 'linux')
const wcc = join(binDir, 'wcc')
const wcsc = join(binDir, 'wcsc')

beforeAll(() => {
  requireWeappBuild()
  if (process.platform !== 'linux') throw new Error('the wcc/wcsc binaries used here are the Linux builds')
  // npm does not always keep the executable bit of files inside packages.
  for (const bin of [wcc, wcsc]) {
    if (!existsSync(bin)) throw new Error(`${bin} is missing: is miniprogram-compiler installed?`)
    chmodSync(bin, 0o755)
  }
})

function run(bin: string, args: string[], cwd: string) {
  const r = spawnSync(bin, args, { cwd, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' })
  if (r.error) throw r.error
  return { status: r.status, stdout: r.stdout, stderr: r.stderr }
}

/** wcc takes every wxml and wxs file at once (pages import base.wxml), like DevTools does. */
function compileWxml(dir: string) {
  const wxml = listFiles(dir, '.wxml')
  const wxs = listFiles(dir, '.wxs')
  return { files: wxml, ...run(wcc, ['-d', '-cc', '0', ...wxml, ...wxs, '-gn', '$gwx'], dir) }
}

/** One wxss file with the files it @imports, so an error names the file it is in. */
function compileWxss(dir: string, file: string) {
  const files = [file]
  for (let i = 0; i < files.length; i++) {
    const css = readFileSync(join(dir, files[i]), 'utf8')
    for (const m of css.matchAll(/@import\s+["']([^"']+)["']/g)) {
      const target = posix.normalize(posix.join(posix.dirname(files[i]), m[1]))
      if (!files.includes(target)) files.push(target)
    }
  }
  return run(wcsc, ['-db', '-pc', '0', ...files], dir)
}

describe('WeChat compilers accept the build', () => {
  it('when wcc compiles every wxml and wxs file, then it succeeds and covers every page', () => {
    const r = compileWxml(weappDir)
    expect({ status: r.status, stderr: r.stderr.trim() }).toEqual({ status: 0, stderr: '' })
    for (const page of allPages(readAppJson())) {
      expect(r.files).toContain(`${page}.wxml`)
      expect(r.stdout).toContain(`${page}.wxml`)
    }
  })

  // Listed when the file loads; without a build there is one entry, which fails with the reason.
  const wxssFiles = existsSync(join(weappDir, 'app.json')) ? listFiles(weappDir, '.wxss') : ['(no build)']

  it('when the build is present, then every page has a stylesheet to check', () => {
    requireWeappBuild()
    expect(wxssFiles).toEqual(expect.arrayContaining(['app.wxss', ...allPages(readAppJson()).map((p) => `${p}.wxss`)]))
  })

  it.each(wxssFiles.map((f) => [f]))('when wcsc compiles %s, then it reports no error', (file) => {
    requireWeappBuild()
    const r = compileWxss(weappDir, file)
    expect({ status: r.status, stderr: r.stderr.trim(), error: /(^|\n)ERR:/.test(r.stdout) }).toEqual({
      status: 0,
      stderr: '',
      error: false,
    })
  })

  // The compilers must be able to fail, or the tests above prove nothing.
  it('when a template or a stylesheet is broken, then wcc and wcsc reject it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wcc-control-'))
    writeFileSync(join(dir, 'index.wxml'), '<view class="a">\n  <text>未闭合</view>\n')
    writeFileSync(join(dir, 'index.wxss'), '.a { color: red;\n  .b {')
    expect(compileWxml(dir).status).not.toBe(0)
    const css = compileWxss(dir, 'index.wxss')
    expect(css.status !== 0 || /ERR:/.test(css.stdout + css.stderr)).toBe(true)
  })
})

describe('app.json', () => {
  // Loads src/app.config.ts the way Taro does: defineAppConfig is a compile-time global.
  const declared = () => {
    ;(globalThis as { defineAppConfig?: (c: unknown) => unknown }).defineAppConfig = (c) => c
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(join(root, 'src', 'app.config.ts')).default as { pages: string[]; subPackages?: { root: string; pages: string[] }[] }
  }

  it('when built, then it lists exactly the pages and subpackages src/app.config.ts declares', () => {
    requireWeappBuild()
    const app = readAppJson()
    const src = declared()
    expect(app.pages).toEqual(src.pages)
    expect(subPackagesOf(app).map(({ root, pages }) => ({ root, pages }))).toEqual(
      (src.subPackages ?? []).map(({ root, pages }) => ({ root, pages })),
    )
  })

  it('when built, then the citizen pages are in the main package and the dev login is a subpackage', () => {
    requireWeappBuild()
    const app = readAppJson()
    expect(app.pages[0]).toBe('pages/index/index')
    expect(app.pages).toEqual(expect.arrayContaining(['pages/catalog/index', 'pages/matter/index', 'pages/mine/index']))
    expect(subPackagesOf(app)).toEqual(expect.arrayContaining([expect.objectContaining({ root: 'packages/dev', pages: ['login/index'] })]))
  })

  it('when built, then code is injected on demand (lazyCodeLoading, required by the scan tool)', () => {
    requireWeappBuild()
    expect(readAppJson().lazyCodeLoading).toBe('requiredComponents')
  })

  it('when built, then every tab is a main-package page with both icons as PNG files of at most 40 KB in the package', () => {
    requireWeappBuild()
    const app = readAppJson() as unknown as {
      pages: string[]
      tabBar: { list: { pagePath: string; iconPath?: string; selectedIconPath?: string }[] }
    }
    // WeChat's tabBar: 2–5 tabs, each a main-package page; icons are local PNG/JPG files, 40 KB at most
    // (https://developers.weixin.qq.com/miniprogram/dev/reference/configuration/app.html#tabBar).
    expect(app.tabBar.list.length).toBeGreaterThanOrEqual(2)
    expect(app.tabBar.list.length).toBeLessThanOrEqual(5)
    for (const tab of app.tabBar.list) {
      expect(app.pages).toContain(tab.pagePath)
      for (const icon of [tab.iconPath, tab.selectedIconPath]) {
        expect(icon).toMatch(/\.png$/)
        const file = readFileSync(join(weappDir, icon!))
        expect(file.subarray(1, 4).toString('ascii')).toBe('PNG')
        expect(file.length).toBeLessThanOrEqual(40 * KB)
      }
    }
  })

  it('when built, then each preloaded package is a subpackage and each page preloading it a page', () => {
    requireWeappBuild()
    const app = readAppJson() as unknown as { pages: string[]; preloadRule?: Record<string, { packages: string[] }> }
    const roots = subPackagesOf(readAppJson()).map((p) => p.root.replace(/\/$/, ''))
    expect(Object.keys(app.preloadRule ?? {}).length).toBeGreaterThan(0)
    for (const [page, rule] of Object.entries(app.preloadRule ?? {})) {
      expect(allPages(readAppJson())).toContain(page)
      for (const pkg of rule.packages) expect(roots).toContain(pkg)
    }
  })

  it.each(['js', 'json', 'wxml', 'wxss'])('when built, then every page has its .%s file', (ext) => {
    requireWeappBuild()
    const missing = allPages(readAppJson()).filter((p) => !existsSync(join(weappDir, `${p}.${ext}`)))
    expect(missing).toEqual([])
  })
})

describe('package size', () => {
  it('when built, then the main package stays under 1.5 MB and each subpackage under 1.5 MB', () => {
    requireWeappBuild()
    const sizes = packageSizes(weappDir)
    const kb = (n: number) => `${(n / KB).toFixed(1)} KB`
    console.log(`weapp main package ${kb(sizes.main)}, total ${kb(sizes.total)}`)
    expect(sizes.main).toBeLessThan(MAIN_PACKAGE_LIMIT)
    for (const [subRoot, size] of Object.entries(sizes.sub)) {
      expect({ subRoot, size: size < SUBPACKAGE_LIMIT }).toEqual({ subRoot, size: true })
    }
  })

  it('when built, then no asset in the package is over 100 KB apart from the framework bundles', () => {
    requireWeappBuild()
    // Images and media belong in cloud storage (platform-limits G4); only JS bundles may be large.
    const big = listFiles(weappDir)
      .filter((f) => !f.endsWith('.js'))
      .filter((f) => readFileSync(join(weappDir, f)).length > 100 * KB)
    expect(big).toEqual([])
  })
})
