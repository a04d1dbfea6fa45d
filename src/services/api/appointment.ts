import { appointmentContract } from '../../../types/contracts/appointment'
import { clientFor } from '../client'

export const appointmentApi = clientFor(appointmentContract)
