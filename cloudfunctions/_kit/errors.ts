import { ERROR_MESSAGES, type ErrorCode, type Issue } from '../../types/result'

/** Thrown inside an action; the handler wrapper turns it into `{ ok: false, error }`. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string = ERROR_MESSAGES[code],
    readonly issues?: Issue[],
  ) {
    super(message)
    this.name = 'AppError'
  }
}

export const notFound = (message = ERROR_MESSAGES.NOT_FOUND) => new AppError('NOT_FOUND', message)
