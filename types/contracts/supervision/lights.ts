import type { ActionContract } from '../contract'

/** 效能监督 — 灯色与违规：红黄灯、违规发现与误报申诉. Spread into the supervision contract (types/contracts/supervision.ts). */
export const lightActions = {} satisfies Record<string, ActionContract>
