import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { EXPORT_LABELS, type EXPORT_KINDS } from '../../../../types/contracts/supervision/console'
import { BigButton } from '../../../components/big-button'
import { supervisionApi } from '../../../services/api/supervision'
import { alertError, toast } from '../../../utils/alert'
import { openExport } from '../open-export'

type ExportKind = (typeof EXPORT_KINDS)[number]

/** 导出: the month's report, and the lights, violations and 督办 lists, each as an Excel file. */
export function Exports({ month, departmentId }: { month: string; departmentId?: string }) {
  const [busy, setBusy] = useState<ExportKind | undefined>()
  const [done, setDone] = useState<{ fileName: string; url: string; rows: number } | undefined>()
  const run = async (kind: ExportKind) => {
    setBusy(kind)
    const r = await supervisionApi.consoleExport({
      kind,
      ...(kind === 'monthly' ? { month } : {}),
      ...(departmentId ? { departmentId } : {}),
    })
    setBusy(undefined)
    if (!r.ok) return alertError('导出失败', r.error)
    setDone(r.data)
    try {
      await openExport(r.data.url, r.data.fileName)
    } catch {
      toast('文件打开失败，请点下方链接重试')
    }
  }
  return (
    <View className="sv-console__card">
      <Text className="sv-console__card-title">导出</Text>
      <BigButton
        text={`导出Excel（${month}月报）`}
        loading={busy === 'monthly'}
        loadingText="正在生成…"
        disabled={!!busy}
        onClick={() => run('monthly')}
      />
      <View className="sv-console__export-row">
        {(['lights', 'violations', 'orders'] as const).map((k) => (
          <View
            key={k}
            className={`sv-console__export${busy ? ' sv-console__export--off' : ''}`}
            hoverClass={busy ? 'none' : 'sv-console__export--pressed'}
            onClick={busy ? undefined : () => run(k)}
          >
            {busy === k ? '正在生成…' : EXPORT_LABELS[k]}
          </View>
        ))}
      </View>
      {done && (
        <View className="sv-console__done">
          <Text>
            已生成 {done.fileName}（{done.rows} 行），链接10分钟内有效。
          </Text>
          <Text className="sv-console__link" onClick={() => openExport(done.url, done.fileName)}>
            再次打开
          </Text>
        </View>
      )}
    </View>
  )
}
