import { Text, View } from '@tarojs/components'
import { useLoad } from '../../../hooks/useLoad'
import { caseApi } from '../../../services/api/case'
import { beijingDateTime, fileSizeText } from '../../../utils/case'
import type { LibraryItem } from './application'

/** 从我的材料选: the files I uploaded before, read afresh each time the list is opened. */
export function MaterialLibrary({ onPick }: { onPick: (item: LibraryItem) => void }) {
  const library = useLoad(() => caseApi.myMaterials(), [], { onShow: false })
  const items = library.data?.items ?? []
  return (
    <View className="case-library">
      {!library.data && !library.error && <Text className="case-page__note">正在读取我的材料…</Text>}
      {library.error && <Text className="case-material__error">{library.error.message}</Text>}
      {library.data && items.length === 0 && <Text className="case-page__note">还没有以前上传过的材料</Text>}
      {items.map((it) => (
        <View key={it.libraryId} className="case-library__item" hoverClass="case-library__item--pressed" onClick={() => onPick(it)}>
          <Text className="case-library__name">{it.fileName}</Text>
          <Text className="case-library__meta">
            {it.materialName} · {fileSizeText(it.size)} · {beijingDateTime(it.createdAt)}
          </Text>
        </View>
      ))}
    </View>
  )
}
