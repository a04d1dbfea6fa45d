import ExcelJS from 'exceljs'
import { now } from './clock'
import { randomHex } from './ids'
import { putFile, tempUrls, URL_MAX_AGE_SECONDS } from './uploads'

/**
 * Excel exports (.xlsx) built inside a function and handed out through cloud storage: the
 * mini-program cannot download from a function's answer, but it can open a temporary storage URL
 * (Taro.downloadFile + openDocument on weapp, a plain link on h5).
 */

export type XlsxCell = string | number | boolean | Date | null | undefined

export interface XlsxColumn {
  /** The heading shown in the first row (Chinese, as a reader of the report expects). */
  header: string
  /** The row field this column shows. */
  key: string
  /** Column width in characters; about 2 per Chinese character. */
  width?: number
}

export interface XlsxSheet {
  /** The sheet tab's name: at most 31 characters and none of \ / ? * [ ] : (Excel's rule). */
  name: string
  columns: XlsxColumn[]
  rows: Array<Record<string, XlsxCell>>
  /** Lines above the heading row (a report's title, period, unit), each merged across the columns. */
  title?: string[]
}

/** Excel refuses sheet names longer than 31 characters or containing \ / ? * [ ] : — replace them rather than fail the export. */
export const safeSheetName = (name: string): string => name.replace(/[\\/?*[\]:]/g, '_').slice(0, 31) || 'Sheet'

/** The .xlsx bytes of the given sheets: a bold, frozen heading row, one row per record. */
export async function buildXlsx(sheets: XlsxSheet[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  wb.creator = '政务服务中心效能监督'
  wb.created = now()
  const used = new Set<string>()
  for (const s of sheets) {
    let name = safeSheetName(s.name)
    for (let n = 2; used.has(name); n++) name = safeSheetName(`${s.name.slice(0, 27)}(${n})`)
    used.add(name)
    const ws = wb.addWorksheet(name)
    const title = s.title ?? []
    title.forEach((line, i) => {
      const row = ws.getRow(i + 1)
      row.getCell(1).value = line
      row.font = { bold: i === 0, size: i === 0 ? 14 : 11 }
      if (s.columns.length > 1) ws.mergeCells(i + 1, 1, i + 1, s.columns.length)
    })
    const headRow = title.length + 1
    s.columns.forEach((c, i) => {
      ws.getColumn(i + 1).width = c.width ?? Math.max(10, c.header.length * 2 + 2)
    })
    const head = ws.getRow(headRow)
    s.columns.forEach((c, i) => {
      head.getCell(i + 1).value = c.header
    })
    head.font = { bold: true }
    head.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true }
    s.rows.forEach((r, ri) => {
      const row = ws.getRow(headRow + 1 + ri)
      s.columns.forEach((c, ci) => {
        const v = r[c.key]
        row.getCell(ci + 1).value = v === undefined ? null : v
      })
    })
    ws.views = [{ state: 'frozen', ySplit: headRow }]
  }
  const out = await wb.xlsx.writeBuffer()
  return Buffer.from(out as ArrayBuffer)
}

export interface StoredExport {
  fileId: string
  url: string
  expiresAt: Date
}

/**
 * Stores an export under `exports/<yyyymmdd>/<random>/<name>` (a random folder, so names never
 * collide and a link cannot be guessed) and answers a temporary URL for it.
 */
export async function storeExport(buffer: Buffer, fileName: string): Promise<StoredExport> {
  const t = now()
  const day = t.toISOString().slice(0, 10).replace(/-/g, '')
  // Storage paths keep to plain characters; the Chinese title lives in the link's file name only when the client saves it.
  const safe = fileName.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^[._]+/, '') || 'export.xlsx'
  const fileId = await putFile(`exports/${day}/${randomHex(16)}/${safe}`, buffer)
  const url = (await tempUrls([fileId])).get(fileId)
  if (!url) throw new Error(`no temporary URL for ${fileId}`)
  return { fileId, url, expiresAt: new Date(t.getTime() + URL_MAX_AGE_SECONDS * 1000) }
}
