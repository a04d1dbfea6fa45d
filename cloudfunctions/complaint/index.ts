import { complaintContract } from '../../types/contracts/complaint'
import { createHandler } from '../_kit/handler'
import { mine, rateAnswer, track } from './actions/citizen'
import { departmentList, reply } from './actions/department'
import { decide, inbox, resolve } from './actions/office'
import { submit } from './actions/submit'

export const main = createHandler(complaintContract, {
  submit,
  mine,
  track,
  rateAnswer,
  inbox,
  decide,
  resolve,
  departmentList,
  reply,
})
