import { Image, Text, View } from '@tarojs/components'
import type { InquiryView } from '../../../types/contracts/inquiry'
import { messageTime } from '../../utils/messages'
import './index.scss'

export interface InquiryThreadProps {
  q: Pick<InquiryView, 'question' | 'askedAt' | 'images' | 'messages' | 'askerName'>
  /** Whose page it is: the viewer's own messages sit on the right. */
  viewer: 'citizen' | 'staff'
  onOpenImage?: (url: string, contentType: string) => void
}

/** The question and the conversation, oldest first: the asker's words on one side, staff replies (with who answered) on the other. */
export function InquiryThread({ q, viewer, onOpenImage }: InquiryThreadProps) {
  const mineSide = (from: 'asker' | 'staff') => (viewer === 'citizen' ? from === 'asker' : from === 'staff')
  const askerLabel = viewer === 'citizen' ? '我' : `提问人 ${q.askerName ?? ''}`.trim()
  return (
    <View className="inquiry-thread">
      <View className={`inquiry-msg inquiry-msg--asker inquiry-msg--question inquiry-msg--${mineSide('asker') ? 'mine' : 'theirs'}`}>
        <Text className="inquiry-msg__who">
          {askerLabel} · 提问 · {messageTime(q.askedAt)}
        </Text>
        <View className="inquiry-msg__bubble">
          <Text className="inquiry-msg__text">{q.question}</Text>
          {q.images.length > 0 && (
            <View className="inquiry-thread__images">
              {q.images.map((img, i) =>
                img.url ? (
                  <Image
                    key={img.imageId}
                    className="inquiry-thread__image"
                    src={img.url}
                    mode="aspectFill"
                    onClick={() => onOpenImage?.(img.url!, img.contentType)}
                  />
                ) : (
                  <View key={img.imageId} className="inquiry-thread__image inquiry-thread__image--hidden">
                    图片{i + 1}
                  </View>
                ),
              )}
            </View>
          )}
        </View>
      </View>
      {q.messages.map((m) => (
        <View key={m.seq} className={`inquiry-msg inquiry-msg--${m.from} inquiry-msg--${mineSide(m.from) ? 'mine' : 'theirs'}`}>
          <Text className="inquiry-msg__who">
            {m.from === 'staff'
              ? `${m.staff?.name ?? '工作人员'}${viewer === 'staff' && m.staff ? `（${m.staff.staffNo}）` : ''} · 答复`
              : `${askerLabel} · 追问`}{' '}
            · {messageTime(m.at)}
          </Text>
          <View className="inquiry-msg__bubble">
            <Text className="inquiry-msg__text">{m.text}</Text>
          </View>
        </View>
      ))}
    </View>
  )
}
