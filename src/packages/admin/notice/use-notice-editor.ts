import { useRef, useState } from 'react'
import type { NoticeView } from '../../../../types/contracts/notice'
import type { AppErrorBody, Result } from '../../../../types/result'
import { ROUTES } from '../../../../types/routes'
import { useLoad } from '../../../hooks/useLoad'
import { noticeApi } from '../../../services/api/notice'
import { confirm, toast } from '../../../utils/alert'
import { redirect } from '../../../utils/nav'
import { newRequestId } from '../../../utils/request-id'
import { draftOf, emptyForm, formOf, type NoticeForm } from './model'
import { uploadImage, uploadVideo } from './uploads'

export type Busy = '' | 'save' | 'publish' | 'withdraw' | 'image' | 'video'

/**
 * The editor's state and its actions: the form as typed, the version it was loaded at (a save
 * from a stale page is refused), which action is running, and the server's last refusal, whose
 * issues are shown under their fields.
 */
export function useNoticeEditor(id: string) {
  const [form, setForm] = useState<NoticeForm>(emptyForm)
  const [version, setVersion] = useState<number | undefined>()
  const [busy, setBusy] = useState<Busy>('')
  const [error, setError] = useState<AppErrorBody | undefined>()
  const [reason, setReason] = useState('')
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

  /** The server's message for a field (`draft.title`), shown under it. */
  const issue = (path: string) => error?.issues?.find((i) => i.path === path || i.path.startsWith(`${path}.`))?.message
  const set = (patch: Partial<NoticeForm>) => setForm((f) => ({ ...f, ...patch }))
  const setBlock = (i: number, text: string) =>
    setForm((f) => ({ ...f, blocks: f.blocks.map((b, j) => (j === i && b.kind === 'p' ? { ...b, text } : b)) }))
  const removeBlock = (i: number) => setForm((f) => ({ ...f, blocks: f.blocks.filter((_, j) => j !== i) }))

  async function run<T>(what: Busy, call: () => Promise<Result<T>>): Promise<T | undefined> {
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

  return {
    loaded,
    state: loaded.data?.staff?.state ?? 'draft',
    form,
    set,
    setBlock,
    removeBlock,
    busy,
    error,
    issue,
    reason,
    setReason,
    onSave,
    onPublish,
    onWithdraw,
    addFile,
  }
}

export type NoticeEditor = ReturnType<typeof useNoticeEditor>
