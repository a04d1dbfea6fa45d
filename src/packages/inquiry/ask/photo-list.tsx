import { Image, Text, View } from '@tarojs/components'
import { INQUIRY_IMAGE_MAX } from '../../../../types/domain/inquiry'
import { Section } from '../../../components/section'
import { dataUrlOf, type PickedImage } from '../../../utils/inquiry'

export interface PhotoListProps {
  images: PickedImage[]
  /** Why the last pick was refused (too large, not a picture). */
  error?: string
  onAdd: () => void
  onRemove: (index: number) => void
}

/** The photos picked for a question, before they are sent: each can be removed, up to the limit can be added. */
export function PhotoList({ images, error, onAdd, onRemove }: PhotoListProps) {
  return (
    <Section title={`图片（选填，最多${INQUIRY_IMAGE_MAX}张）`}>
      <View className="inquiry-ask__images">
        {images.map((img, i) => (
          <View key={`${i}-${img.fileName}`} className={`inquiry-ask__image inquiry-ask__image--${i}`}>
            <Image className="inquiry-ask__thumb" src={dataUrlOf(img)} mode="aspectFill" />
            <View className="inquiry-ask__remove" hoverClass="inquiry-ask__remove--pressed" onClick={() => onRemove(i)}>
              删除
            </View>
          </View>
        ))}
        {images.length < INQUIRY_IMAGE_MAX && (
          <View className="inquiry-ask__add" hoverClass="inquiry-ask__add--pressed" onClick={onAdd}>
            <Text className="inquiry-ask__add-plus">＋</Text>
            <Text className="inquiry-ask__add-text">添加图片</Text>
          </View>
        )}
      </View>
      {error ? (
        <Text className="form-field__error inquiry-ask__image-error">{error}</Text>
      ) : (
        <Text className="inquiry-page__note">可拍下通知书、表格等，JPEG或PNG，每张不超过2MB，仅工作人员可见。</Text>
      )}
    </Section>
  )
}
