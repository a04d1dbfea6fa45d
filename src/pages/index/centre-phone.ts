import { centreOffice } from '../../../types/domain/inquiry'
import type { Result } from '../../../types/result'
import { catalogApi } from '../../services/api/catalog'

/** The centre's own phone (县政务服务中心办公室's), for 长辈版's 电话咨询; `undefined` when the office has none. */
export async function centrePhone(): Promise<Result<string | undefined>> {
  const list = await catalogApi.listDepartments()
  if (!list.ok) return list
  return { ok: true, data: centreOffice(list.data.departments)?.phone || undefined }
}
