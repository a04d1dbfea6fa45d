import { Image, Switch, Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useRef, useState, type ReactNode } from 'react'
import type { NoticeView } from '../../../../types/contracts/notice'
import type { AppErrorBody } from '../../../../types/result'
import { NOTICE_AUDIENCE_LABELS, NOTICE_CATEGORIES, NOTICE_CATEGORY_LABELS, NOTICE_LIMITS } from '../../../../types/domain/notice'
import { ROUTES } from '../../../../types/routes'
import { BigButton } from '../../../components/big-button'
import { ChoiceChips } from '../../../components/choice-chips'
import { LoadStatus } from '../../../components/status-view'
import { TextField } from '../../../components/text-field'
import { useLargeText } from '../../../hooks/useLargeText'
import { useLoad } from '../../../hooks/useLoad'
import { catalogApi } from '../../../services/api/catalog'
import { noticeApi } from '../../../services/api/notice'
import { uploadThenAttach } from '../../../services/upload'
import { confirm, errorText, toast } from '../../../utils/alert'
import { beijingDateTime } from '../../../utils/case'
import { pickInquiryImage } from '../../../utils/inquiry'
import { redirect, useQuery } from '../../../utils/nav'
import { newRequestId } from '../../../utils/request-id'
import { NoticeBody } from '../../notice/body'
import { NoticeHead } from '../../notice/head'
import { draftOf, emptyForm, formOf, previewOf, type NoticeForm, type VideoKind } from './model'
import '../../notice/notice.scss'
import '../notice-admin.scss'

const CATEGORY_OPTIONS = NOTICE_CATEGORIES.map((c) => ({ value: c, label: NOTICE_CATEGORY_LABELS[c] }))
const AUDIENCE_OPTIONS = (['all', 'matter'] as const).map((a) => ({ value: a, label: NOTICE_AUDIENCE_LABELS[a] }))
const VIDEO_OPTIONS: readonly { value: VideoKind; label: string }[] = [
  { value: 'none', label: '无视频' },
  { value: 'channel', label: '视频号视频' },
  ...(process.env.TARO_ENV === 'weapp' ? [{ value: 'file' as const, label: '上传视频' }] : []),
]

type Busy = '' | 'save' | 'publish' | 'withdraw' | 'image' | 'video'

/** One image into the body: inside the call on h5, straight to storage in the mini-program. */
async function uploadImage() {
  const pick = await pickInquiryImage()
  if (!pick.ok) return pick
  const img = pick.image
  const r =
    process.env.TARO_ENV === 'h5' || !img.filePath
      ? await noticeApi.addImage({ contentType: img.contentType, dataBase64: img.dataBase64 })
      : await uploadThenAttach(img.filePath, await noticeApi.fileTarget(), (fileId) =>
          noticeApi.attachFile({ fileId, contentType: img.contentType }),
        )
  return r.ok ? { ok: true as const, file: r.data } : { ok: false as const, cancelled: false, message: errorText(r.error) }
}

/** An MP4 from the album (weapp only: the web build offers the 视频号 option instead). */
async function uploadVideo() {
  const media = await Taro.chooseMedia({ count: 1, mediaType: ['video'], sourceType: ['album'] }).catch(() => undefined)
  const path = media?.tempFiles[0]?.tempFilePath
  if (!path) return { ok: false as const, cancelled: true, message: '' }
  const r = await uploadThenAttach(path, await noticeApi.fileTarget(), (fileId) =>
    noticeApi.attachFile({ fileId, contentType: 'video/mp4' }),
  )
  return r.ok ? { ok: true as const, file: r.data } : { ok: false as const, cancelled: false, message: errorText(r.error) }
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

/** 编辑公告 (centre office): the fields, a preview exactly as citizens see it, and 保存草稿 / 发布 / 撤回. */
export default function AdminNoticePage() {
  const { rootClass } = useLargeText()
  const id = useQuery(ROUTES.adminNotice).id ?? ''
  const [form, setForm] = useState<NoticeForm>(emptyForm)
  const [version, setVersion] = useState<number | undefined>()
  const [preview, setPreview] = useState(false)
  const [busy, setBusy] = useState<Busy>('')
  const [error, setError] = useState<AppErrorBody | undefined>()
  const [reason, setReason] = useState('')
  const [matterQ, setMatterQ] = useState('')
  const requestId = useRef(newRequestId('nt'))
  const loaded = useLoad<NoticeView | null>(
    async () => {
      if (!id) return { ok: true as const, data: null }
      const r = await noticeApi.get({ noticeId: id })
      if (r.ok) {
        setForm(formOf(r.data))
        setVersion(r.data.staff?.version)
      }
      return r
    },
    [id],
    { onShow: false },
  )
  const state = loaded.data?.staff?.state ?? 'draft'
  const matters = useLoad(
    () =>
      matterQ.trim()
        ? catalogApi.searchMatters({ q: matterQ.trim(), pageSize: 5 })
        : Promise.resolve({ ok: true as const, data: { items: [], total: 0, page: 1, pageSize: 5 } }),
    [matterQ],
    { onShow: false },
  )

  /** The server's message for a field (`draft.title`), shown under it. */
  const issue = (path: string) => error?.issues?.find((i) => i.path === path || i.path.startsWith(`${path}.`))?.message
  const set = (patch: Partial<NoticeForm>) => setForm((f) => ({ ...f, ...patch }))
  const setBlock = (i: number, text: string) =>
    setForm((f) => ({ ...f, blocks: f.blocks.map((b, j) => (j === i && b.kind === 'p' ? { ...b, text } : b)) }))
  const removeBlock = (i: number) => setForm((f) => ({ ...f, blocks: f.blocks.filter((_, j) => j !== i) }))

  async function run<T>(
    what: Busy,
    call: () => Promise<{ ok: true; data: T } | { ok: false; error: AppErrorBody }>,
  ): Promise<T | undefined> {
    setBusy(what)
    setError(undefined)
    try {
      const r = await call()
      if (!r.ok) {
        setError(r.error)
        return undefined
      }
      return r.data
    } finally {
      setBusy('')
    }
  }

  /** Saves the form; a new one becomes its page (so a second save edits it). */
  async function save(what: Busy = 'save') {
    const saved = await run(what, () =>
      noticeApi.save({ ...(id ? { noticeId: id, version } : {}), requestId: requestId.current, draft: draftOf(form) }),
    )
    if (saved) setVersion(saved.version)
    return saved
  }

  async function onSave() {
    const saved = await save()
    if (!saved) return
    toast('已保存', 'success')
    if (!id) redirect(ROUTES.adminNotice, { id: saved.noticeId })
  }

  async function onPublish() {
    if (!(await confirm({ title: '发布公告', content: '发布后群众即可在首页和公告列表看到。确定发布？', confirmText: '发布' }))) return
    const saved = await save('publish')
    if (!saved) return
    const done = await run('publish', () => noticeApi.publish({ noticeId: saved.noticeId, version: saved.version }))
    if (!done) return
    toast('已发布', 'success')
    redirect(ROUTES.adminNotice, { id: saved.noticeId })
  }

  async function onWithdraw() {
    if (!id || version === undefined) return
    if (!(await confirm({ title: '撤回公告', content: '撤回后群众将看不到这条公告。', confirmText: '撤回', danger: true }))) return
    const done = await run('withdraw', () => noticeApi.withdraw({ noticeId: id, version, reason }))
    if (!done) return
    toast('已撤回', 'success')
    redirect(ROUTES.adminNotice, { id })
  }

  async function addFile(kind: 'image' | 'video') {
    setBusy(kind)
    setError(undefined)
    try {
      const r = kind === 'image' ? await uploadImage() : await uploadVideo()
      if (!r.ok) {
        if (!r.cancelled) setError({ code: 'INVALID_INPUT', message: r.message })
        return
      }
      if (kind === 'image')
        setForm((f) => ({ ...f, blocks: [...f.blocks, { kind: 'img', fileId: r.file.fileId, url: r.file.url }, { kind: 'p', text: '' }] }))
      else set({ videoFileId: r.file.fileId, videoUrl: r.file.url })
    } finally {
      setBusy('')
    }
  }

  if (id && loaded.data === undefined) {
    return (
      <View className={`${rootClass} notice-admin`}>
        <LoadStatus of={loaded} missing="未找到该公告" />
      </View>
    )
  }

  const images = form.blocks.filter((b) => b.kind === 'img').length
  const history = loaded.data?.staff?.history ?? []
  return (
    <View className={`${rootClass} notice-admin`}>
      <View className="notice-admin__head">
        <Text className="notice-admin__title">{id ? '编辑公告' : '新建公告'}</Text>
        <Text className="notice-admin__sub">
          状态：{loaded.data?.staff?.stateLabel ?? '草稿（未保存）'}
          {loaded.data?.staff && state === 'published' && !loaded.data.staff.live ? '（不在有效期内）' : ''}
        </Text>
      </View>

      <View className="notice-admin__chips">
        <ChoiceChips
          name="notice-mode"
          options={[
            { value: 'edit', label: '编辑' },
            { value: 'preview', label: '预览' },
          ]}
          value={preview ? 'preview' : 'edit'}
          onChange={(v) => setPreview(v === 'preview')}
        />
      </View>

      {preview ? (
        <View className="notice-page notice-admin__preview">
          <NoticeHead n={previewOf(form)} />
          <NoticeBody {...previewOf(form)} />
        </View>
      ) : (
        <View className="notice-admin__form">
          <TextField
            name="notice-title"
            error={issue('draft.title')}
            label="标题"
            maxlength={NOTICE_LIMITS.title}
            placeholder="如：护照窗口12月28日暂停受理"
            value={form.title}
            onType={(title) => set({ title })}
          />
          <Labeled label="栏目" name="notice-category">
            <ChoiceChips
              name="notice-category"
              options={CATEGORY_OPTIONS}
              value={form.category}
              onChange={(category) => set({ category })}
            />
          </Labeled>
          <Labeled label="正文" name="notice-body" hint="按段落填写；图片插在段落之间，显示时不支持网页代码">
            {form.blocks.map((b, i) =>
              b.kind === 'p' ? (
                <View key={i} className="notice-admin__block">
                  <Textarea
                    className="notice-admin__textarea"
                    value={b.text}
                    maxlength={NOTICE_LIMITS.paragraph}
                    autoHeight
                    placeholder={`第${i + 1}段`}
                    onInput={(e) => setBlock(i, e.detail.value)}
                  />
                  {form.blocks.length > 1 && (
                    <Text className="notice-admin__remove" onClick={() => removeBlock(i)}>
                      删除此段
                    </Text>
                  )}
                </View>
              ) : (
                <View key={i} className="notice-admin__block">
                  {b.url ? (
                    <Image className="notice-admin__img" src={b.url} mode="widthFix" />
                  ) : (
                    <Text className="notice-admin__hint">图片</Text>
                  )}
                  <Text className="notice-admin__remove" onClick={() => removeBlock(i)}>
                    删除图片
                  </Text>
                </View>
              ),
            )}
            <View className="notice-admin__row">
              <View
                className="notice-admin__link"
                hoverClass="notice-admin__link--pressed"
                onClick={() => set({ blocks: [...form.blocks, { kind: 'p', text: '' }] })}
              >
                ＋ 添加段落
              </View>
              {images < NOTICE_LIMITS.images && (
                <View
                  className="notice-admin__link"
                  hoverClass="notice-admin__link--pressed"
                  onClick={() => busy === '' && void addFile('image')}
                >
                  {busy === 'image' ? '正在上传图片…' : '＋ 添加图片'}
                </View>
              )}
            </View>
          </Labeled>
          <Labeled label="视频（可选）" name="notice-video">
            <ChoiceChips name="notice-video" options={VIDEO_OPTIONS} value={form.videoKind} onChange={(videoKind) => set({ videoKind })} />
          </Labeled>
          {form.videoKind === 'channel' && (
            <View>
              <TextField
                name="notice-feed"
                error={issue('draft.video.feedId')}
                label="视频号视频 feed-id"
                maxlength={128}
                hint="在视频号助手中复制；视频号须与小程序同一主体或关联主体"
                value={form.feedId}
                onType={(feedId) => set({ feedId })}
              />
              <TextField
                name="notice-finder"
                error={issue('draft.video.finderUserName')}
                label="视频号ID"
                maxlength={64}
                placeholder="sph 开头"
                value={form.finderUserName}
                onType={(finderUserName) => set({ finderUserName })}
              />
            </View>
          )}
          {form.videoKind === 'file' && (
            <View className="notice-admin__row">
              <View
                className="notice-admin__link"
                hoverClass="notice-admin__link--pressed"
                onClick={() => busy === '' && void addFile('video')}
              >
                {busy === 'video' ? '正在上传视频…' : form.videoFileId ? '已上传，点击更换视频' : '＋ 选择视频（MP4，50MB以内）'}
              </View>
            </View>
          )}
          <View className="notice-admin__switch">
            <Text className="notice-admin__switch-label">置顶（大厅公示屏轮播置顶公告）</Text>
            <Switch checked={form.pinned} color="#0b57d0" onChange={(e) => set({ pinned: e.detail.value })} />
          </View>
          <TextField
            name="notice-publish-at"
            error={issue('draft.publishAt')}
            label="发布时间（可选）"
            maxlength={16}
            placeholder="2026-12-28 08:00，留空即发布时"
            value={form.publishAt}
            onType={(publishAt) => set({ publishAt })}
          />
          <TextField
            name="notice-expire-at"
            error={issue('draft.expireAt')}
            label="截止时间（可选）"
            maxlength={16}
            placeholder="到时自动下线，留空长期有效"
            value={form.expireAt}
            onType={(expireAt) => set({ expireAt })}
          />
          {form.matterId ? (
            <Labeled label="相关事项" name="notice-matter" hint="公告会显示在该事项的办事指南页">
              <View className="notice-admin__row">
                <Text className="notice-admin__matter">{form.matterName || form.matterId}</Text>
                <Text className="notice-admin__remove" onClick={() => set({ matterId: '', matterName: '', audience: 'all' })}>
                  清除
                </Text>
              </View>
            </Labeled>
          ) : (
            <View className="notice-admin__field">
              <TextField
                name="notice-matter-q"
                error={issue('draft.matterId')}
                label="相关事项（可选）"
                maxlength={30}
                placeholder="输入事项名称查找，如：护照"
                hint="选了事项，公告会显示在该事项的办事指南页"
                value={matterQ}
                onType={setMatterQ}
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
          )}
          {form.matterId && (
            <Labeled label="谁能在列表里看到" name="notice-audience" hint="「该事项的办事群众」：在本中心预约或网上申请过该事项的人">
              <ChoiceChips
                name="notice-audience"
                options={AUDIENCE_OPTIONS}
                value={form.audience}
                onChange={(audience) => set({ audience })}
              />
            </Labeled>
          )}
        </View>
      )}

      {error && <Text className="notice-admin__error">{errorText(error)}</Text>}

      <View className="notice-admin__actions">
        <BigButton
          kind="secondary"
          text="保存草稿"
          loading={busy === 'save'}
          loadingText="正在保存…"
          disabled={busy !== '' && busy !== 'save'}
          onClick={() => void onSave()}
        />
        {state !== 'published' && (
          <View className="notice-admin__gap">
            <BigButton
              text={state === 'withdrawn' ? '重新发布' : '发布'}
              loading={busy === 'publish'}
              loadingText="正在发布…"
              disabled={busy !== '' && busy !== 'publish'}
              onClick={() => void onPublish()}
            />
          </View>
        )}
        {state === 'published' && (
          <View className="notice-admin__gap">
            <TextField
              name="notice-reason"
              error={issue('reason')}
              label="撤回原因"
              maxlength={200}
              placeholder="如：信息有误，更正后重新发布"
              value={reason}
              onType={setReason}
            />
            <BigButton
              kind="secondary"
              text="撤回公告"
              loading={busy === 'withdraw'}
              loadingText="正在撤回…"
              disabled={busy !== '' && busy !== 'withdraw'}
              onClick={() => void onWithdraw()}
            />
          </View>
        )}
      </View>

      {history.length > 0 && (
        <View className="notice-admin__history">
          <Text className="notice-admin__history-title">修改记录</Text>
          {history.map((h) => (
            <Text key={h.seq} className="notice-admin__history-line">
              {h.seq}. {HISTORY_LABELS[h.kind] ?? h.kind} · {h.staffNo} · {beijingDateTime(h.at)}
              {h.reason ? ` · ${h.reason}` : ''}
            </Text>
          ))}
        </View>
      )}
    </View>
  )
}

const HISTORY_LABELS: Record<string, string> = { created: '新建', edited: '修改', published: '发布', withdrawn: '撤回' }
