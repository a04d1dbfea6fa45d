import { inquiryContract } from '../../types/contracts/inquiry'
import { createHandler } from '../_kit/handler'
import { ask } from './actions/ask'
import { rate, resolve } from './actions/closing'
import { faqForMatter, publishFaq, suggestFaq, unpublishFaq } from './actions/faq'
import { addImage, attachImage, imageTarget } from './actions/images'
import { inbox } from './actions/inbox'
import { sendMessage } from './actions/messages'
import { claim, close, reassign, transfer } from './actions/ownership'
import { getInquiry, myInquiries } from './actions/read'
import { deadlineSweep } from './triggers'

export const main = createHandler(
  inquiryContract,
  {
    ask,
    addImage,
    imageTarget,
    attachImage,
    myInquiries,
    getInquiry,
    sendMessage,
    claim,
    transfer,
    reassign,
    close,
    resolve,
    rate,
    inbox,
    publishFaq,
    unpublishFaq,
    faqForMatter,
    suggestFaq,
  },
  { deadlineSweep },
)
