/** The weapp build under test (dist/weapp) and small helpers to read it. Not a test file. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'

export const root = resolve(__dirname, '../..')
export const weappDir = join(root, 'dist', 'weapp')

/** Fails loudly when the build is missing: these tests check a build, they do not make one. */
export function requireWeappBuild(): void {
  if (!existsSync(join(weappDir, 'app.json'))) {
    throw new Error(
      `dist/weapp/app.json is missing: build the mini-program first (\`npm run build:weapp\`, or \`npm test\`, which builds before jest).`,
    )
  }
}

export interface AppJson {
  pages: string[]
  subPackages?: { root: string; pages: string[]; independent?: boolean }[]
  subpackages?: { root: string; pages: string[] }[]
  lazyCodeLoading?: string
}

export const readAppJson = (): AppJson => JSON.parse(readFileSync(join(weappDir, 'app.json'), 'utf8'))

export const subPackagesOf = (app: AppJson) => app.subPackages ?? app.subpackages ?? []

/** Every page path, main package first, subpackage pages prefixed with their root. */
export function allPages(app: AppJson): string[] {
  return [...app.pages, ...subPackagesOf(app).flatMap((s) => s.pages.map((p) => `${s.root.replace(/\/$/, '')}/${p}`))]
}

/** Files under `dir` (relative, forward slashes), optionally filtered by extension. */
export function listFiles(dir: string, ext?: string): string[] {
  const out: string[] = []
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name)
      if (e.isDirectory()) walk(p)
      else if (!ext || e.name.endsWith(ext)) out.push(relative(dir, p).split('\\').join('/'))
    }
  }
  walk(dir)
  return out.sort()
}

export function dirSize(dir: string): number {
  if (!existsSync(dir)) return 0
  return listFiles(dir).reduce((n, f) => n + statSync(join(dir, f)).size, 0)
}

/** Main package = everything outside the subpackage roots (what WeChat downloads at first launch). */
export function packageSizes(dir: string = weappDir): { main: number; total: number; sub: Record<string, number> } {
  const app = JSON.parse(readFileSync(join(dir, 'app.json'), 'utf8')) as AppJson
  const sub: Record<string, number> = {}
  for (const s of subPackagesOf(app)) sub[s.root] = dirSize(join(dir, s.root))
  const total = dirSize(dir)
  return { main: total - Object.values(sub).reduce((a, b) => a + b, 0), total, sub }
}
