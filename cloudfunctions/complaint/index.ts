import { complaintContract } from '../../types/contracts/complaint'
import { createHandler } from '../_kit/handler'
import { scheduled } from '../_kit/schedule'
import { mine, rateAnswer, track } from './actions/citizen'
import { departmentList, reply } from './actions/department'
import { decide, inbox, resolve } from './actions/office'
import { get, revealPhone } from './actions/staff'
import { submit } from './actions/submit'
import { addPhoto, attachPhoto, photoTarget } from './photos'
import { overdueSweep } from './triggers'

export const main = createHandler(
  complaintContract,
  {
    submit,
    addPhoto,
    photoTarget,
    attachPhoto,
    mine,
    track,
    rateAnswer,
    inbox,
    get,
    revealPhone,
    decide,
    resolve,
    departmentList,
    reply,
  },
  scheduled({ overdueSweep: { cron: '0 5 * * * * *', run: overdueSweep } }),
)
