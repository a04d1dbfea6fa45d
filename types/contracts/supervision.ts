import { defineFunction, type ActionName, type ParsedInput } from './contract'
import { consoleActions } from './supervision/console'
import { lightActions } from './supervision/lights'
import { orderActions } from './supervision/orders'

/**
 * 效能监督 (electronic supervision of the centre's service): lights and violations on every open
 * case, 督办 orders, and the supervision console with its figures and exports. Written in parts
 * (types/contracts/supervision/), one per concern, so each reads on its own.
 */
export const supervisionContract = defineFunction('supervision', '效能监督：办件红黄灯与违规、督办、监督台统计与导出', {
  ...lightActions,
  ...orderActions,
  ...consoleActions,
})

export type SupervisionInput<K extends ActionName<typeof supervisionContract>> = ParsedInput<typeof supervisionContract, K>
