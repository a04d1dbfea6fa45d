/**
 * A client-made id for one submit (types/domain/booking.ts requestIdSchema): the server answers a
 * repeated submit with the same id with its first answer, so a double tap or a retry after a lost
 * answer never books twice. Not a secret: it only has to be unique per account.
 */
export function newRequestId(prefix = 'r'): string {
  let rand = ''
  for (let i = 0; i < 4; i++) rand += Math.floor(Math.random() * 0x10000).toString(36)
  return `${prefix}-${Date.now().toString(36)}-${rand}`.slice(0, 64)
}
