import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { ROUTES } from '../../../../types/routes'
import { BigButton } from '../../../components/big-button'
import { ChoiceChips } from '../../../components/choice-chips'
import { LoadStatus } from '../../../components/status-view'
import { TextField } from '../../../components/text-field'
import { useLargeText } from '../../../hooks/useLargeText'
import { errorText } from '../../../utils/alert'
import { beijingDateTime } from '../../../utils/case'
import { useQuery } from '../../../utils/nav'
import { NoticeBody } from '../../notice/body'
import { NoticeHead } from '../../notice/head'
import { NoticeFields } from './fields'
import { previewOf } from './model'
import { useNoticeEditor, type NoticeEditor } from './use-notice-editor'
import '../../notice/notice.scss'
import '../notice-admin.scss'

const HISTORY_LABELS: Record<string, string> = { created: '新建', edited: '修改', published: '发布', withdrawn: '撤回' }

/** 保存草稿, then 发布 (or 重新发布), or for a published notice 撤回 with its reason. */
function Actions({ e }: { e: NoticeEditor }) {
  const { busy, state } = e
  const other = (mine: typeof busy) => busy !== '' && busy !== mine
  return (
    <View className="notice-admin__actions">
      <BigButton
        kind="secondary"
        text="保存草稿"
        loading={busy === 'save'}
        loadingText="正在保存…"
        disabled={other('save')}
        onClick={() => void e.onSave()}
      />
      {state !== 'published' ? (
        <View className="notice-admin__gap">
          <BigButton
            text={state === 'withdrawn' ? '重新发布' : '发布'}
            loading={busy === 'publish'}
            loadingText="正在发布…"
            disabled={other('publish')}
            onClick={() => void e.onPublish()}
          />
        </View>
      ) : (
        <View className="notice-admin__gap">
          <TextField
            name="notice-reason"
            error={e.issue('reason')}
            label="撤回原因"
            maxlength={200}
            placeholder="如：信息有误，更正后重新发布"
            value={e.reason}
            onType={e.setReason}
          />
          <BigButton
            kind="secondary"
            text="撤回公告"
            loading={busy === 'withdraw'}
            loadingText="正在撤回…"
            disabled={other('withdraw')}
            onClick={() => void e.onWithdraw()}
          />
        </View>
      )}
    </View>
  )
}

/** 编辑公告 (centre office): the fields, a preview exactly as citizens see it, and 保存草稿 / 发布 / 撤回. */
export default function AdminNoticePage() {
  const { rootClass } = useLargeText()
  const id = useQuery(ROUTES.adminNotice).id ?? ''
  const e = useNoticeEditor(id)
  const [preview, setPreview] = useState(false)
  const staff = e.loaded.data?.staff

  if (id && e.loaded.data === undefined) {
    return (
      <View className={`${rootClass} notice-admin`}>
        <LoadStatus of={e.loaded} missing="未找到该公告" />
      </View>
    )
  }

  const history = staff?.history ?? []
  return (
    <View className={`${rootClass} notice-admin`}>
      <View className="notice-admin__head">
        <Text className="notice-admin__title">{id ? '编辑公告' : '新建公告'}</Text>
        <Text className="notice-admin__sub">
          状态：{staff?.stateLabel ?? '草稿（未保存）'}
          {staff && e.state === 'published' && !staff.live ? '（不在有效期内）' : ''}
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
          <NoticeHead n={previewOf(e.form)} />
          <NoticeBody {...previewOf(e.form)} />
        </View>
      ) : (
        <NoticeFields e={e} />
      )}

      {e.error && <Text className="notice-admin__error">{errorText(e.error)}</Text>}
      <Actions e={e} />

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
