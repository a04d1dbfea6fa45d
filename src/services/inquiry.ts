import type { InputOf } from '../../types/contracts/contract'
import { inquiryContract } from '../../types/contracts/inquiry'
import { callAction } from './cloud'
import { uploadThenAttach } from './upload'
import type { PickedImage } from '../utils/inquiry'

type Actions = typeof inquiryContract.actions

// 咨询（首问负责制）: citizens ask and follow up; the department's staff claim, reply, transfer and close.

export const ask = (input: InputOf<Actions['ask']>) => callAction(inquiryContract, 'ask', input)

/** One image of a question (JPEG/PNG ≤ 2 MB, up to 3), sent after `ask`. */
export const addImage = (input: InputOf<Actions['addImage']>) => callAction(inquiryContract, 'addImage', input)

/** Sends a picked photo: inside the call on h5, straight to storage in the mini-program (see upload.ts). */
export async function sendImage(inquiryId: string, image: PickedImage) {
  if (process.env.TARO_ENV === 'h5' || !image.filePath)
    return addImage({ inquiryId, contentType: image.contentType, dataBase64: image.dataBase64 })
  return uploadThenAttach(image.filePath, await callAction(inquiryContract, 'imageTarget', { inquiryId }), (fileId) =>
    callAction(inquiryContract, 'attachImage', { inquiryId, fileId, contentType: image.contentType }),
  )
}

export const myInquiries = (input: InputOf<Actions['myInquiries']> = {}) => callAction(inquiryContract, 'myInquiries', input)

export const getInquiry = (inquiryId: string) => callAction(inquiryContract, 'getInquiry', { inquiryId })

export const sendMessage = (input: InputOf<Actions['sendMessage']>) => callAction(inquiryContract, 'sendMessage', input)

export const claimInquiry = (inquiryId: string) => callAction(inquiryContract, 'claim', { inquiryId })

export const transferInquiry = (input: InputOf<Actions['transfer']>) => callAction(inquiryContract, 'transfer', input)

export const reassignInquiry = (input: InputOf<Actions['reassign']>) => callAction(inquiryContract, 'reassign', input)

export const closeInquiry = (inquiryId: string, reason: string) => callAction(inquiryContract, 'close', { inquiryId, reason })

export const resolveInquiry = (inquiryId: string) => callAction(inquiryContract, 'resolve', { inquiryId })

export const rateInquiry = (input: InputOf<Actions['rate']>) => callAction(inquiryContract, 'rate', input)

export const inquiryInbox = (input: InputOf<Actions['inbox']>) => callAction(inquiryContract, 'inbox', input)

export const publishFaq = (input: InputOf<Actions['publishFaq']>) => callAction(inquiryContract, 'publishFaq', input)

export const unpublishFaq = (faqId: string) => callAction(inquiryContract, 'unpublishFaq', { faqId })

export const faqForMatter = (matterId: string) => callAction(inquiryContract, 'faqForMatter', { matterId })

export const suggestFaq = (q: string, matterId?: string) => callAction(inquiryContract, 'suggestFaq', matterId ? { q, matterId } : { q })
