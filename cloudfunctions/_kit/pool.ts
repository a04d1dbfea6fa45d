/** Runs `task` over `items`, at most `n` at a time; the answers in the items' order. */
export async function pool<T, R>(items: T[], n: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length)
  let next = 0
  await Promise.all(
    Array.from({ length: Math.min(n, items.length) }, async () => {
      while (next < items.length) {
        const i = next++
        out[i] = await task(items[i])
      }
    }),
  )
  return out
}
