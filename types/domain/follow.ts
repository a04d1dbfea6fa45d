import { pageLink, ROUTES } from '../routes'
import { z } from '../zod'
import { CODE_ALPHABET, typedCode } from './check-code'

/**
 * Relatives following a family member's case (亲属代查). The applicant grants a relative a view
 * of one case or of all their cases through a one-time invitation; the relative is bound by their
 * own OPENID and then reads a coarse view and receives the same pushes (with their own grants).
 *
 * What a follower sees, and why:
 * - stage, the timeline's steps (label, who and when) and the legal deadline: the progress itself;
 * - pickup: that the result is ready, the window and where it is, but NOT the pickup code: the
 *   code is what the hand-out window checks, so whoever holds it may collect the document. The
 *   applicant passes it on themselves if they want the relative to collect;
 * - the applicant's name only masked; no ID or phone number, form, materials, supplement items,
 *   refusal reason or timeline notes: notes and reasons are free text written to the applicant
 *   and may name documents or personal details. Internal staff notes are never shown.
 */

/** A one-time invitation is valid for 24 hours. */
export const INVITE_TTL_MS = 24 * 3_600_000

/**
 * A code a father can type from a phone call: 8 characters from the alphabet without look-alikes
 * (no 0/O, 1/I/L), shown as two groups of four (31^8 ≈ 8.5 × 10^11 codes, valid 24 hours, single
 * use, and every account's failed tries are limited, so guessing one is hopeless). Typed as shown:
 * spaces, dashes, lower case and full-width letters are taken.
 */
export const INVITE_CODE_LENGTH = 8
export const inviteCodeSchema = z
  .string()
  .transform(typedCode)
  .refine((s) => s.length === INVITE_CODE_LENGTH && [...s].every((c) => CODE_ALPHABET.includes(c)), '邀请码是8位字母或数字，请核对')
/** Failed acceptances one account may make in an hour (codes typed wrong, expired or used). */
export const INVITE_MAX_FAILURES_PER_HOUR = 10
export const INVITE_FAILURE_WINDOW_MS = 3_600_000

/** A binding's id: `cf-` + 20 hex characters. */
export const followerIdSchema = z.string().regex(/^cf-[0-9a-f]{20}$/, '关注编号格式不正确')

export const FOLLOW_SCOPES = ['case', 'all'] as const
export type FollowScope = (typeof FOLLOW_SCOPES)[number]

/** The page a share card opens: the relative accepts the invitation there. */
export const followInvitePage = (code: string) => pageLink(ROUTES.caseFollow, { code })
/** The follower's case page (pushes to a follower open it, not the applicant's detail page). */
export const followedCasePage = (caseId: string) => pageLink(ROUTES.caseFollowed, { id: caseId })

/** The share card's title, in the applicant's voice and without personal data (cards get forwarded). */
export const inviteTitle = (matterName?: string) => (matterName ? `请帮我关注办件进度：${matterName}` : '请帮我关注我的办件进度')

/** What a relative may call themselves in the applicant's list (self-declared, e.g. 爸爸). */
export const followerNicknameSchema = z.string().trim().min(1).max(10, '称呼最多10个字')
