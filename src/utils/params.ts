/** A query-string value of the current page: encoded in some runtimes, decoded in others. */
export function param(v: string | undefined): string {
  if (!v) return ''
  try {
    return decodeURIComponent(v)
  } catch {
    return v
  }
}

/** Builds `path?a=1&b=2`, leaving out empty values. */
export function pageUrl(path: string, query: Record<string, string | number | undefined>): string {
  const qs = Object.entries(query)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
    .join('&')
  return qs ? `${path}?${qs}` : path
}
