import { noticeContract } from '../../types/contracts/notice'
import { createHandler } from '../_kit/handler'
import { scheduled } from '../_kit/schedule'
import { addImage, attachFile, fileTarget } from './actions/files'
import { adminList, publish, save, withdraw } from './actions/office'
import { forMatter, get, list, pinned } from './actions/read'
import { articles, pullArticles } from './articles'

export const main = createHandler(
  noticeContract,
  { list, forMatter, get, pinned, articles, adminList, save, publish, withdraw, addImage, fileTarget, attachFile },
  // The 公众号's published articles every 30 minutes (the one trigger a function may have).
  scheduled({ pullArticles: { cron: '0 */30 * * * * *', run: pullArticles } }),
)
