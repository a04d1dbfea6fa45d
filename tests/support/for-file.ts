/**
 * One cloud and its kit for a test file, without the before/after boilerplate every file repeated:
 * `const t = cloudForFile(startComplaintCloud)` starts the cloud before the file's tests and closes
 * it (and clears the fake clock) after them; `const c = kitFor(() => complaintClient(t))` builds the
 * kit once, on first use. Both are stand-ins that forward to the real thing once it exists, so the
 * tests read `t.db…` and `c.submit(…)` as before.
 */
import type { TestCloud } from './cloud'
import { clearFakeNow } from './clock'

function late<T extends object>(current: () => T | undefined, what: string): T {
  return new Proxy({} as T, {
    get(_target, key) {
      const real = current()
      if (!real) throw new Error(`${what} is used before beforeAll started it`)
      // Unbound: the cloud and the kits are plain objects of closures, and a bound copy would lose
      // what a function carries (`call.raw`).
      return Reflect.get(real, key)
    },
  })
}

export function cloudForFile(start: () => Promise<TestCloud>): TestCloud {
  let cloud: TestCloud | undefined
  beforeAll(async () => {
    cloud = await start()
  }, 60_000)
  afterAll(async () => {
    clearFakeNow()
    await cloud?.close()
  })
  return late(() => cloud, 'the test cloud')
}

export function kitFor<K extends object>(make: () => K): K {
  let kit: K | undefined
  return late(() => (kit ??= make()), 'the test kit')
}
