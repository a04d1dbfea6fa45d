/** `npm run bench`: prints figures; speed goals live here, never in timed tests. */
import '../../local/netguard'
import { buildFunctions } from '../../scripts/build-functions'
import * as actions from './actions.bench'
import * as board from './board.bench'
import * as booking from './booking.bench'
import * as cases from './case.bench'
import * as notify from './notify.bench'
import * as sizes from './sizes.bench'
import * as supervisionConsole from './supervision-console.bench'
import { runWriteDurability } from './bench-db'

const sections: Array<{ run: () => void | Promise<void> }> = [
  sizes,
  board,
  booking,
  actions,
  cases,
  supervisionConsole,
  notify,
  { run: runWriteDurability },
]

;(async () => {
  // Sizes and cold starts are measured on the current sources, not on an old bundle.
  await buildFunctions()
  for (const s of sections) await s.run()
})().catch((e) => {
  console.error(e)
  process.exit(1)
})
