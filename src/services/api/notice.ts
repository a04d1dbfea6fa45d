import { noticeContract } from '../../../types/contracts/notice'
import { clientFor } from '../client'

export const noticeApi = clientFor(noticeContract)
