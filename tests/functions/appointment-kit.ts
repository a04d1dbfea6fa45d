/** Shared calls of the appointment function tests: the function itself and a day's open slots. */
import { PASSPORT } from '../builders/demo'
import type { TestCloud } from '../support/cloud'

export function appointmentCalls(cloud: () => TestCloud) {
  const appointment = (event: object, openid?: string) => cloud().call('appointment', event, openid) as Promise<any>
  const slotsOn = async (date: string, matterId = PASSPORT) =>
    (await appointment({ action: 'listSlots', matterId, date })).data.slots as any[]
  return { appointment, slotsOn }
}
