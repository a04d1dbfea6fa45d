import type { ActionContract } from '../contract'

/** 效能监督 — 监督台：统计、列表、图表与导出. Spread into the supervision contract (types/contracts/supervision.ts). */
export const consoleActions = {} satisfies Record<string, ActionContract>
