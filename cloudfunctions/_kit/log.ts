import { redact } from '../../types/domain/masking'

/**
 * The only logger functions use. Lines are redacted (ID and phone numbers masked) because cloud
 * logs are kept for months and read by people who must not see personal data.
 */
export const log = {
  error(where: string, err: unknown) {
    const e = err as { name?: string; errCode?: unknown; message?: string }
    console.error(redact(`[${where}] ${e?.name ?? 'Error'} ${e?.errCode ?? ''} ${String(e?.message ?? err).slice(0, 300)}`))
  },
}
