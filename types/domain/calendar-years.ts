/**
 * The years the working-day calendar can be edited for: from the first year chinese-days ships to
 * the last its lunar data covers (the provisional computation needs it). Kept apart from
 * working-days.ts so the app's contracts can use it without bundling the holiday library.
 */
export const CALENDAR_YEARS = { first: 2004, last: 2099 } as const
