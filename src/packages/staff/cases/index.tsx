import { Picker, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { CaseSummary } from '../../../../types/contracts/case'
import { CASE_STATE_LABELS, CASE_STATES, type CaseState } from '../../../../types/domain/case-machine'
import { BigButton } from '../../../components/big-button'
import { CaseCard } from '../../../components/case-card'
import { ChoiceChips } from '../../../components/choice-chips'
import { StatusView } from '../../../components/status-view'
import { useLargeText } from '../../../hooks/useLargeText'
import { useLiveRemote } from '../../../hooks/useLiveRemote'
import { worklist } from '../../../services/case'
import { pageUrl } from '../../../utils/params'
import '../staff.scss'
import './index.scss'

type Due = 'all' | 'soon' | 'overdue'
const DUE_OPTIONS = [
  { value: 'all', label: '全部' },
  { value: 'soon', label: '临近到期' },
  { value: 'overdue', label: '已超期' },
] as const
/** Staff never see drafts: the state filter offers every other state. */
const STATES = CASE_STATES.filter((s): s is Exclude<CaseState, 'draft'> => s !== 'draft')
const STATE_RANGE = ['全部状态', ...STATES.map((s) => CASE_STATE_LABELS[s])]
const PAGE_SIZE = 20

/** 办件 worklist: my department's cases (supervisors: all), by state and deadline. */
export default function StaffCases() {
  const { rootClass } = useLargeText()
  const [state, setState] = useState<Exclude<CaseState, 'draft'> | undefined>(undefined)
  const [due, setDue] = useState<Due>('all')
  const [pages, setPages] = useState(1)
  const list = useLiveRemote(async () => {
    // Every page up to the last one asked for, so a refresh keeps the list as long as it was.
    const items: (CaseSummary & { departmentId: string })[] = []
    let hasMore = false
    for (let page = 1; page <= pages; page++) {
      const r = await worklist({ ...(state ? { state } : {}), ...(due !== 'all' ? { due } : {}), page, pageSize: PAGE_SIZE })
      if (!r.ok) return r
      items.push(...r.data.items)
      hasMore = r.data.hasMore
      if (!hasMore) break
    }
    return { ok: true as const, data: { items, hasMore } }
  }, [state, due, pages])
  const items = list.data?.items ?? []

  return (
    <View className={`${rootClass} staff staff-cases`}>
      <View className="staff-cases__filters">
        <Picker
          mode="selector"
          range={STATE_RANGE}
          value={state ? STATES.indexOf(state) + 1 : 0}
          onChange={(e) => {
            const i = Number(e.detail.value)
            setPages(1)
            setState(i === 0 ? undefined : STATES[i - 1])
          }}
        >
          <View className="staff-cases__state" hoverClass="staff-cases__state--pressed">
            状态：{state ? CASE_STATE_LABELS[state] : '全部状态'} ▾
          </View>
        </Picker>
        <ChoiceChips
          name="due"
          options={DUE_OPTIONS}
          value={due}
          onChange={(v) => {
            setPages(1)
            setDue(v)
          }}
        />
      </View>
      {!list.data && list.loading && <StatusView kind="loading" />}
      {!list.data && list.error && (
        <StatusView kind={list.error.code === 'FORBIDDEN' ? 'empty' : 'error'} message={list.error.message} onRetry={list.refresh} />
      )}
      {list.data && list.error && <Text className="staff__error">刷新失败：{list.error.message}</Text>}
      {list.data && items.length === 0 && <StatusView kind="empty" message="没有符合条件的办件" />}
      {items.map((c) => (
        <CaseCard
          key={c.caseId}
          c={c}
          showApplicant
          onClick={() => Taro.navigateTo({ url: pageUrl('/packages/staff/case/index', { id: c.caseId }) })}
        />
      ))}
      {list.data?.hasMore && (
        <View className="staff__actions">
          <BigButton
            kind="secondary"
            text={list.loading ? '正在加载…' : '加载更多'}
            disabled={list.loading}
            onClick={() => setPages((n) => n + 1)}
          />
        </View>
      )}
    </View>
  )
}
