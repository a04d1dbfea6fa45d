import type { ActionContract } from '../contract'

/** 效能监督 — 督办：督办单、回复、办结、退回与通报. Spread into the supervision contract (types/contracts/supervision.ts). */
export const orderActions = {} satisfies Record<string, ActionContract>
