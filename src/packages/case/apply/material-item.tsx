import { Text, View } from '@tarojs/components'
import { MATERIAL_MAX_FILES } from '../../../../types/domain/case-material'
import { Tag } from '../../../components/tag'
import { fileSizeText } from '../../../utils/case'
import type { FileRef, LibraryItem, MaterialSlot } from './application'
import { MaterialLibrary } from './material-library'

export interface MaterialItemProps {
  slot: MaterialSlot
  /** What the clerk's 补正 says about it. */
  problems: string[]
  error?: string
  /** A file is being sent to or removed from this item. */
  sending: boolean
  libraryOpen: boolean
  onUpload: () => void
  onOpenLibrary: () => void
  onPick: (item: LibraryItem) => void
  onRemove: (file: FileRef) => void
}

/** One checklist item: what it is, the files already added, and 上传 or 从我的材料选 while there is room. */
export function MaterialItem({
  slot,
  problems,
  error,
  sending,
  libraryOpen,
  onUpload,
  onOpenLibrary,
  onPick,
  onRemove,
}: MaterialItemProps) {
  return (
    <View className={`case-material case-material--${slot.index}${error ? ' case-material--invalid' : ''}`}>
      <Text className="case-material__name">
        {slot.index + 1}. {slot.name}
      </Text>
      <View>
        <Tag text={slot.required ? '必须提供' : '按情况提供'} tone={slot.required ? 'orange' : 'gray'} />
        {slot.uploadable ? <Tag text="网上提交" tone="green" /> : <Tag text="到窗口提交或核验" tone="gray" />}
        {problems.length > 0 && <Tag text="需补正" tone="orange" />}
      </View>
      {slot.notes && <Text className="case-page__note">说明：{slot.notes}</Text>}
      {problems.map((p, i) => (
        <Text key={i} className="case-material__problem">
          需补正：{p}
        </Text>
      ))}
      {slot.files.map((f) => (
        <View key={f.libraryId} className="case-file">
          <Text className="case-file__name">✓ {f.fileName}</Text>
          <Text className="case-file__size">{fileSizeText(f.size)}</Text>
          <View className="case-file__remove" hoverClass="case-file__remove--pressed" onClick={() => onRemove(f)}>
            移除
          </View>
        </View>
      ))}
      {slot.uploadable && (
        <View>
          {sending ? (
            <View className="case-material__uploading">
              <View className="case-material__spinner" />
              <Text>正在上传，请稍候…</Text>
            </View>
          ) : (
            slot.files.length < MATERIAL_MAX_FILES && (
              <View className="case-material__buttons">
                <View
                  className="case-material__button case-material__upload"
                  hoverClass="case-material__button--pressed"
                  onClick={onUpload}
                >
                  {slot.files.length ? '再传一份' : '上传'}
                </View>
                <View
                  className="case-material__button case-material__button--plain case-material__reuse"
                  hoverClass="case-material__button--pressed"
                  onClick={onOpenLibrary}
                >
                  从我的材料选
                </View>
              </View>
            )
          )}
          {error && <Text className="case-material__error">{error}</Text>}
          {libraryOpen && <MaterialLibrary onPick={onPick} />}
        </View>
      )}
    </View>
  )
}
