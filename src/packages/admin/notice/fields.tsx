import { Image, Switch, Text, Textarea, View } from '@tarojs/components'
import { useState, type ReactNode } from 'react'
import { NOTICE_AUDIENCE_LABELS, NOTICE_CATEGORIES, NOTICE_CATEGORY_LABELS, NOTICE_LIMITS } from '../../../../types/domain/notice'
import { ChoiceChips } from '../../../components/choice-chips'
import { TextField, type TextFieldSpec } from '../../../components/text-field'
import { useLoad } from '../../../hooks/useLoad'
import { catalogApi } from '../../../services/api/catalog'
import type { NoticeForm, VideoKind } from './model'
import type { NoticeEditor } from './use-notice-editor'

const CATEGORY_OPTIONS = NOTICE_CATEGORIES.map((c) => ({ value: c, label: NOTICE_CATEGORY_LABELS[c] }))
const AUDIENCE_OPTIONS = (['all', 'matter'] as const).map((a) => ({ value: a, label: NOTICE_AUDIENCE_LABELS[a] }))
const VIDEO_OPTIONS: readonly { value: VideoKind; label: string }[] = [
  { value: 'none', label: '无视频' },
  { value: 'channel', label: '视频号视频' },
  ...(process.env.TARO_ENV === 'weapp' ? [{ value: 'file' as const, label: '上传视频' }] : []),
]

type TextKey = 'title' | 'feedId' | 'finderUserName' | 'publishAt' | 'expireAt'

/** The form's one-line fields: what each is, its test name and the path of the server's issue for it. */
const TEXT_FIELDS: Record<TextKey, TextFieldSpec & { name: string; path: string }> = {
  title: {
    name: 'notice-title',
    path: 'draft.title',
    label: '标题',
    maxlength: NOTICE_LIMITS.title,
    placeholder: '如：护照窗口12月28日暂停受理',
  },
  feedId: {
    name: 'notice-feed',
    path: 'draft.video.feedId',
    label: '视频号视频 feed-id',
    maxlength: 128,
    hint: '在视频号助手中复制；视频号须与小程序同一主体或关联主体',
  },
  finderUserName: { name: 'notice-finder', path: 'draft.video.finderUserName', label: '视频号ID', maxlength: 64, placeholder: 'sph 开头' },
  publishAt: {
    name: 'notice-publish-at',
    path: 'draft.publishAt',
    label: '发布时间（可选）',
    maxlength: 16,
    placeholder: '2026-12-28 08:00，留空即发布时',
  },
  expireAt: {
    name: 'notice-expire-at',
    path: 'draft.expireAt',
    label: '截止时间（可选）',
    maxlength: 16,
    placeholder: '到时自动下线，留空长期有效',
  },
}

/** A labelled group of controls that are not one text box (chips, the body's blocks). */
function Labeled({ label, name, hint, children }: { label: string; name: string; hint?: string; children: ReactNode }) {
  return (
    <View className={`notice-admin__field form-field--${name}`}>
      <Text className="form-field__label">{label}</Text>
      {children}
      {hint && <Text className="form-field__hint">{hint}</Text>}
    </View>
  )
}

function Link({ text, onClick }: { text: string; onClick: () => void }) {
  return (
    <View className="notice-admin__link" hoverClass="notice-admin__link--pressed" onClick={onClick}>
      {text}
    </View>
  )
}

/** 正文: paragraphs and images in order, each removable; a paragraph or an image is added at the end. */
function Body({ e }: { e: NoticeEditor }) {
  const { form, busy } = e
  const images = form.blocks.filter((b) => b.kind === 'img').length
  return (
    <Labeled label="正文" name="notice-body" hint="按段落填写；图片插在段落之间，显示时不支持网页代码">
      {form.blocks.map((b, i) => (
        <View key={i} className="notice-admin__block">
          {b.kind === 'p' ? (
            <Textarea
              className="notice-admin__textarea"
              value={b.text}
              maxlength={NOTICE_LIMITS.paragraph}
              autoHeight
              placeholder={`第${i + 1}段`}
              onInput={(ev) => e.setBlock(i, ev.detail.value)}
            />
          ) : b.url ? (
            <Image className="notice-admin__img" src={b.url} mode="widthFix" />
          ) : (
            <Text className="notice-admin__hint">图片</Text>
          )}
          {(b.kind === 'img' || form.blocks.length > 1) && (
            <Text className="notice-admin__remove" onClick={() => e.removeBlock(i)}>
              {b.kind === 'p' ? '删除此段' : '删除图片'}
            </Text>
          )}
        </View>
      ))}
      <View className="notice-admin__row">
        <Link text="＋ 添加段落" onClick={() => e.set({ blocks: [...form.blocks, { kind: 'p', text: '' }] })} />
        {images < NOTICE_LIMITS.images && (
          <Link text={busy === 'image' ? '正在上传图片…' : '＋ 添加图片'} onClick={() => busy === '' && void e.addFile('image')} />
        )}
      </View>
    </Labeled>
  )
}

/** 相关事项: found by name and chosen, or cleared; with one chosen, who sees the notice in the list. */
function Matter({ e }: { e: NoticeEditor }) {
  const { form, set } = e
  const [q, setQ] = useState('')
  const matters = useLoad(
    () =>
      q.trim()
        ? catalogApi.searchMatters({ q: q.trim(), pageSize: 5 })
        : Promise.resolve({ ok: true as const, data: { items: [], total: 0, page: 1, pageSize: 5 } }),
    [q],
    { onShow: false },
  )
  if (!form.matterId)
    return (
      <View className="notice-admin__field">
        <TextField
          name="notice-matter-q"
          error={e.issue('draft.matterId')}
          label="相关事项（可选）"
          maxlength={30}
          placeholder="输入事项名称查找，如：护照"
          hint="选了事项，公告会显示在该事项的办事指南页"
          value={q}
          onType={setQ}
        />
        {matters.data?.items.map((m) => (
          <View
            key={m.id}
            className="notice-admin__option"
            hoverClass="notice-admin__option--pressed"
            onClick={() => set({ matterId: m.id, matterName: m.name })}
          >
            选择：{m.name}
          </View>
        ))}
      </View>
    )
  return (
    <>
      <Labeled label="相关事项" name="notice-matter" hint="公告会显示在该事项的办事指南页">
        <View className="notice-admin__row">
          <Text className="notice-admin__matter">{form.matterName || form.matterId}</Text>
          <Text className="notice-admin__remove" onClick={() => set({ matterId: '', matterName: '', audience: 'all' })}>
            清除
          </Text>
        </View>
      </Labeled>
      <Labeled label="谁能在列表里看到" name="notice-audience" hint="「该事项的办事群众」：在本中心预约或网上申请过该事项的人">
        <ChoiceChips name="notice-audience" options={AUDIENCE_OPTIONS} value={form.audience} onChange={(audience) => set({ audience })} />
      </Labeled>
    </>
  )
}

/** 编辑: every field of the notice, each with the server's refusal under it. */
export function NoticeFields({ e }: { e: NoticeEditor }) {
  const { form, set, busy } = e
  const text = (key: TextKey) => {
    const { name, path, ...spec } = TEXT_FIELDS[key]
    return (
      <TextField {...spec} name={name} error={e.issue(path)} value={form[key]} onType={(v) => set({ [key]: v } as Partial<NoticeForm>)} />
    )
  }
  return (
    <View className="notice-admin__form">
      {text('title')}
      <Labeled label="栏目" name="notice-category">
        <ChoiceChips name="notice-category" options={CATEGORY_OPTIONS} value={form.category} onChange={(category) => set({ category })} />
      </Labeled>
      <Body e={e} />
      <Labeled label="视频（可选）" name="notice-video">
        <ChoiceChips name="notice-video" options={VIDEO_OPTIONS} value={form.videoKind} onChange={(videoKind) => set({ videoKind })} />
      </Labeled>
      {form.videoKind === 'channel' && (
        <View>
          {text('feedId')}
          {text('finderUserName')}
        </View>
      )}
      {form.videoKind === 'file' && (
        <View className="notice-admin__row">
          <Link
            text={busy === 'video' ? '正在上传视频…' : form.videoFileId ? '已上传，点击更换视频' : '＋ 选择视频（MP4，50MB以内）'}
            onClick={() => busy === '' && void e.addFile('video')}
          />
        </View>
      )}
      <View className="notice-admin__switch">
        <Text className="notice-admin__switch-label">置顶（大厅公示屏轮播置顶公告）</Text>
        <Switch checked={form.pinned} color="#0b57d0" onChange={(ev) => set({ pinned: ev.detail.value })} />
      </View>
      {text('publishAt')}
      {text('expireAt')}
      <Matter e={e} />
    </View>
  )
}
