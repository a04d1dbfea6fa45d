import { noticeContract } from '../../types/contracts/notice'
import { createHandler } from '../_kit/handler'
import { scheduled } from '../_kit/schedule'
import { addImage, attachFile, fileTarget } from './actions/files'
import { adminList, publish, save, withdraw } from './actions/office'
import { forMatter, get, list, pinned } from './actions/read'
import { articles, pullArticles } from './articles'
import { syncFollowers } from './followers'

export const main = createHandler(
  noticeContract,
  { list, forMatter, get, pinned, articles, adminList, save, publish, withdraw, addImage, fileTarget, attachFile },
  // The 公众号's published articles every 30 minutes; its followers every 10 (a listing spans runs).
  scheduled({
    pullArticles: { cron: '0 */30 * * * * *', run: pullArticles },
    syncFollowers: { cron: '0 */10 * * * * *', run: syncFollowers },
  }),
)
