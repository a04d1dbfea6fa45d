import { Image, Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { openMaterial } from '../../utils/files'
import { Section } from '../section'
import './index.scss'

/** A complaint's own text and photos (short-lived links; an expired or missing one says so), as the complainant and the staff who handle it see them. */
export function ComplaintContent({
  text,
  photos,
  children,
}: {
  text: string
  photos: ReadonlyArray<{ url?: string }>
  children?: ReactNode
}) {
  return (
    <Section title="投诉内容">
      <Text className="complaint-content__text">{text}</Text>
      {photos.length > 0 && (
        <View className="complaint-content__photos">
          {photos.map((p, i) =>
            p.url ? (
              <Image
                key={i}
                className="complaint-content__photo"
                src={p.url}
                mode="aspectFill"
                onClick={() => void openMaterial(p.url!, 'image/jpeg')}
              />
            ) : (
              <View key={i} className="complaint-content__photo complaint-content__photo--gone">
                <Text>图片暂不可看</Text>
              </View>
            ),
          )}
        </View>
      )}
      {children}
    </Section>
  )
}
