/** Shared calls of the appointment function tests: the function itself and a day's open slots. */
import { appointmentContract } from '../../types/contracts'
import { dataOf } from './calls'
import { apiOf, type TestCloud } from './cloud'
import { PASSPORT } from './demo'

export function appointmentCalls(cloud: () => TestCloud) {
  const appointment = apiOf(cloud, appointmentContract)
  const slotsOn = async (date: string, matterId = PASSPORT) => dataOf(await appointment({ action: 'listSlots', matterId, date })).slots
  return { appointment, slotsOn }
}
