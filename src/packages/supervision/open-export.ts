import Taro from '@tarojs/taro'

/**
 * Opens an Excel export: the browser downloads it; WeChat downloads it and opens it in its
 * document viewer (which offers 转发/保存). Shared by the console and the attendance page.
 */
export async function openExport(url: string, fileName: string): Promise<void> {
  if (process.env.TARO_ENV === 'h5') {
    const a = document.createElement('a')
    a.href = url
    a.download = fileName
    a.rel = 'noopener'
    document.body.appendChild(a)
    a.click()
    a.remove()
    return
  }
  const d = await Taro.downloadFile({ url })
  await Taro.openDocument({ filePath: d.tempFilePath, fileType: 'xlsx', showMenu: true })
}
