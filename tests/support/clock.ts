/**
 * Puts the cloud functions at a chosen Beijing moment. Functions read LOCAL_FAKE_NOW through
 * cloudfunctions/_kit/clock.ts; the local cloud runs them in this process, so setting it here
 * moves their clock.
 */
export function setBeijingNow(date: string, hhmm: string, seconds = 0): Date {
  const at = new Date(`${date}T${hhmm}:${String(seconds).padStart(2, '0')}+08:00`)
  process.env.LOCAL_FAKE_NOW = at.toISOString()
  return at
}

export function clearFakeNow(): void {
  delete process.env.LOCAL_FAKE_NOW
}
