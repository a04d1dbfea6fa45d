import { Picker, View } from '@tarojs/components'
import { useState } from 'react'
import { CASE_STATE_LABELS, CASE_STATES, type CaseState } from '../../../../types/domain/case-machine'
import { ROUTES } from '../../../../types/routes'
import { CaseCard } from '../../../components/case-card'
import { ChoiceChips } from '../../../components/choice-chips'
import { useLargeText } from '../../../hooks/useLargeText'
import { useLoad } from '../../../hooks/useLoad'
import { caseApi } from '../../../services/api/case'
import { navigate } from '../../../utils/nav'
import { ListStatus } from '../load-status'
import { loadPages, MoreButton, PAGE_SIZE } from '../paging'
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

/** 办件 worklist: my department's cases (supervisors: all), by state and deadline. */
export default function StaffCases() {
  const { rootClass } = useLargeText()
  const [state, setState] = useState<Exclude<CaseState, 'draft'> | undefined>(undefined)
  const [due, setDue] = useState<Due>('all')
  const [pages, setPages] = useState(1)
  const list = useLoad(
    () =>
      loadPages(pages, (page) =>
        caseApi.worklist({ ...(state ? { state } : {}), ...(due !== 'all' ? { due } : {}), page, pageSize: PAGE_SIZE }),
      ),
    [state, due, pages],
  )

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
      <ListStatus list={list} empty="没有符合条件的办件" />
      {list.data?.items.map((c) => (
        <CaseCard key={c.caseId} c={c} showApplicant onClick={() => navigate(ROUTES.staffCase, { id: c.caseId })} />
      ))}
      <MoreButton list={list} onMore={() => setPages((n) => n + 1)} />
    </View>
  )
}
