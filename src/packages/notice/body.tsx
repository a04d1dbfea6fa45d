import { ChannelVideo, Image, Text, Video, View } from '@tarojs/components'
import type { NoticeView } from '../../../types/contracts/notice'

/**
 * An announcement's body, block by block: paragraphs as Text, images as Image, never markup, so
 * whatever staff typed is shown as text. The 视频号 video plays in `channel-video` in the
 * mini-program (the 视频号 must be the mini-program's own or a 关联主体's); the web has no such
 * component, so it says where to watch.
 */
export function NoticeBody({ blocks, video }: Pick<NoticeView, 'blocks' | 'video'>) {
  return (
    <View className="notice-body">
      {blocks.map((b, i) =>
        b.kind === 'p' ? (
          <Text key={i} className="notice-body__p" userSelect>
            {b.text}
          </Text>
        ) : b.url ? (
          <Image key={i} className="notice-body__img" src={b.url} mode="widthFix" showMenuByLongpress />
        ) : (
          <Text key={i} className="notice-body__missing">
            （图片暂时无法显示）
          </Text>
        ),
      )}
      {video?.kind === 'file' && video.url && <Video className="notice-body__video" src={video.url} controls />}
      {video?.kind === 'channel' &&
        (process.env.TARO_ENV === 'weapp' ? (
          <ChannelVideo
            className="notice-body__video"
            feedId={video.feedId}
            finderUserName={video.finderUserName}
            onError={() => undefined}
          />
        ) : (
          <Text className="notice-body__missing">本公告附有视频号视频，请在微信小程序中观看。</Text>
        ))}
    </View>
  )
}
