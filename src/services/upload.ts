import Taro from '@tarojs/taro'
import { fail, type Result } from '../../types/result'

/**
 * The mini-program's way to send a file: a cloud call carries only about 100 KB, so the file goes
 * straight to the storage path the function named (`target`), and the function then reads it
 * back, checks it and records it (`attach`).
 */
export async function uploadThenAttach<T>(
  filePath: string,
  target: Result<{ cloudPath: string }>,
  attach: (fileId: string) => Promise<Result<T>>,
): Promise<Result<T>> {
  if (!target.ok) return target
  let fileId: string
  try {
    fileId = (await Taro.cloud.uploadFile({ cloudPath: target.data.cloudPath, filePath })).fileID
  } catch {
    return fail('INTERNAL', '文件上传失败，请检查网络后重试')
  }
  return attach(fileId)
}
