/**
 * The current instant for business rules (cut-offs, horizons, deadlines). Only the local cloud's
 * tests set LOCAL_FAKE_NOW (an ISO instant) to put the functions at a chosen moment, e.g. the
 * evening before a holiday; in the cloud the variable does not exist.
 */
export const now = (): Date => {
  const fake = process.env.LOCAL_FAKE_NOW
  return fake ? new Date(fake) : new Date()
}
