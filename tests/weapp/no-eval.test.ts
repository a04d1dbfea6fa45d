/**
 * The WeChat mini-program runtime forbids `eval` and the Function constructor (code from strings).
 * zod uses the Function constructor for its fast object parser unless jitless mode is on, which
 * types/zod.ts sets before any schema exists. These tests check the shipped bundle, and that the
 * schemas really parse without ever reaching for the Function constructor.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { listFiles, requireWeappBuild, weappDir } from './build'

/**
 * Uses of eval / the Function constructor that may stay, each found by its exact code shape and
 * with the reason it never runs (or is harmless) in the mini-program. Anything else fails.
 */
const ALLOWED: { id: string; pattern: RegExp; reason: string }[] = [
  {
    id: 'webpack runtime: global object',
    pattern: /if\("object"===typeof globalThis\)return globalThis;try\{return this\|\|new Function\("return this"\)\(\)\}catch/,
    reason:
      "webpack's __webpack_require__.g (needed by @tarojs/runtime, which reads `global`). It returns globalThis first; " +
      'the Function fallback runs only where globalThis is missing, and it sits in a try/catch.',
  },
  {
    id: 'zod: allowsEval probe',
    pattern: /jitless\)return!1;[^]{0,200}?try\{const (\w+)=Function;return new \1\(""\),!0\}catch/,
    reason:
      'zod 4 util.allowsEval returns false when globalConfig.jitless is set before touching Function; types/zod.ts sets jitless ' +
      'before any schema is built (proved at run time below).',
  },
  {
    id: 'zod: Doc.compile (JIT code generator)',
    pattern: /compile\(\)\{const (\w+)=Function,/,
    reason: "zod's code generator, used only by the JIT object parser (off under jitless) and z.compile (never called by the app).",
  },
]

/** References to the global `eval` or `Function` (not `x.eval`, not `Function.prototype`), with context. */
function findDynamicCode(js: string): { at: number; context: string }[] {
  const hits: { at: number; context: string }[] = []
  const re = /(?<![\w$.])(eval|Function)(?![\w$])(?!\.prototype)/g
  for (let m = re.exec(js); m; m = re.exec(js)) {
    hits.push({ at: m.index, context: js.slice(Math.max(0, m.index - 300), m.index + 120) })
  }
  return hits
}

describe('no code from strings in the weapp bundle', () => {
  it('when every JS file of dist/weapp is scanned, then eval and the Function constructor appear only in the allow-listed framework spots', () => {
    requireWeappBuild()
    const files = listFiles(weappDir, '.js')
    expect(files.length).toBeGreaterThan(0)
    const unexpected: string[] = []
    const seen = new Set<string>()
    for (const file of files) {
      for (const hit of findDynamicCode(readFileSync(join(weappDir, file), 'utf8'))) {
        const allowed = ALLOWED.find((a) => a.pattern.test(hit.context))
        if (allowed) seen.add(allowed.id)
        else unexpected.push(`${file} @${hit.at}: …${hit.context.slice(-200)}…`)
      }
    }
    expect(unexpected).toEqual([])
    // Printed so a reviewer sees what was let through and why.
    for (const a of ALLOWED.filter((x) => seen.has(x.id))) console.log(`allowed: ${a.id} — ${a.reason}`)
  })

  it('when the app code is scanned, then none of it mentions eval or the Function constructor', () => {
    const src = join(__dirname, '..', '..', 'src')
    const offenders = listFiles(src)
      .filter((f) => /\.(t|j)sx?$/.test(f))
      .filter((f) => findDynamicCode(readFileSync(join(src, f), 'utf8')).length > 0)
    expect(offenders).toEqual([])
  })
})

describe('zod under the mini-program rules', () => {
  it('when the Function constructor and eval are forbidden, then every contract schema still parses without touching them', async () => {
    // Load schemas first (module loading is jest's business), then forbid code-from-strings.
    const { z } = await import('../../types/zod')
    const { contracts } = await import('../../types/contracts')
    const g = globalThis as { Function: FunctionConstructor; eval: typeof eval }
    const realFunction = g.Function
    const realEval = g.eval
    const calls: string[] = []
    const forbid = (what: string) => {
      calls.push(what)
      throw new EvalError(`${what} is forbidden in the mini-program runtime`)
    }
    const poisoned = new Proxy(realFunction, {
      construct: () => forbid('new Function'),
      apply: () => forbid('Function()'),
    })
    const parseAll = () => {
      for (const c of contracts) {
        for (const [name, a] of Object.entries(c.actions)) {
          // Valid or not, parsing must run the real (jitless) object parser to the end.
          a.input.safeParse({})
          a.input.safeParse({ id: 'm-passport', q: '护照', unexpected: 1, page: 1 })
          a.output.safeParse({ items: [], total: 0, page: 1, pageSize: 20, departments: [] })
          expect(typeof name).toBe('string')
        }
      }
      // A schema built after the switch, parsed many times (JIT kicks in on hot paths when allowed).
      const fresh = z.object({ a: z.string(), b: z.object({ c: z.number() }) })
      for (let i = 0; i < 50; i++) fresh.safeParse({ a: 'x', b: { c: i } })
    }

    g.Function = poisoned
    g.eval = ((_: string) => forbid('eval')) as typeof eval
    try {
      parseAll()
      expect(calls).toEqual([])

      // Control: with jitless off the same code does reach for the Function constructor, so the
      // poisoned global above would have caught it.
      z.config({ jitless: false })
      const probe = z.object({ a: z.string() })
      probe.safeParse({ a: 'x' })
      expect(calls.length).toBeGreaterThan(0)
    } finally {
      z.config({ jitless: true })
      g.Function = realFunction
      g.eval = realEval
    }
  })
})
