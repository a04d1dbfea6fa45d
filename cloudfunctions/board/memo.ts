/**
 * What a warm instance keeps between the board's polls (every 1.5 s per screen): the parts that
 * change slowly (hours, figures, 办件公示, announcements) are read at most once per `ttlMs`; calls
 * and waiting counts are read on every poll. An entry is stale once `ttlMs` passed on the
 * function's clock or on the wall clock (the first moves in tests, the second in a long-lived
 * instance). A failed read is not kept.
 */
const kept = new Map<string, { at: number; wall: number; value: Promise<unknown> }>()

export function memo<T>(key: string, ttlMs: number, now: Date, load: () => Promise<T>): Promise<T> {
  const hit = kept.get(key)
  const at = now.getTime()
  const wall = Date.now()
  if (hit && Math.abs(at - hit.at) < ttlMs && wall - hit.wall < ttlMs) return hit.value as Promise<T>
  const value = load()
  kept.set(key, { at, wall, value })
  value.catch(() => kept.delete(key))
  return value
}
