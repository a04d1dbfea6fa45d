import { namesByCue } from '../../types/domain/faq-scrub'
import { redact } from '../../types/domain/masking'

/**
 * What a log line may keep: ID numbers (18 or 15 digits), phone numbers (+86, spaced or dashed,
 * landlines) and long digit runs masked; names masked where a key (`name: "张伟"`) or a cue
 * (我叫张伟) marks them. Exported for the unit test.
 */
export const scrubLogLine = (line: string): string => redact(line, { names: namesByCue(line) })

/**
 * The only logger functions use. Lines are scrubbed because cloud logs are kept for months and
 * read by people who must not see personal data (PIPL art. 51: measures such as 去标识化).
 */
export const log = {
  error(where: string, err: unknown) {
    const e = err as { name?: string; errCode?: unknown; message?: string }
    // Scrubbed before it is cut to length, so a cut never leaves half a number unmasked.
    const message = scrubLogLine(String(e?.message ?? err).slice(0, 2000)).slice(0, 300)
    console.error(scrubLogLine(`[${where}] ${e?.name ?? 'Error'} ${e?.errCode ?? ''} `) + message)
  },
}
