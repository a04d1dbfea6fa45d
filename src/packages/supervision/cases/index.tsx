import { Picker, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { VIOLATION_CATEGORIES, type ViolationCategory } from '../../../../types/domain/supervision-lights'
import { ROUTES } from '../../../../types/routes'
import { ChoiceChips } from '../../../components/choice-chips'
import { StatusView } from '../../../components/status-view'
import { useLargeText } from '../../../hooks/useLargeText'
import { useLoad } from '../../../hooks/useLoad'
import { catalogApi } from '../../../services/api/catalog'
import { supervisionApi } from '../../../services/api/supervision'
import { navigate, useQuery } from '../../../utils/nav'
import { ListStatus, StaffOnly } from '../../staff/load-status'
import { loadPages, MoreButton, PAGE_SIZE } from '../../staff/paging'
import { useStaffMe, type StaffMe } from '../../staff/staff'
import { LightCard, ViolationCard } from './light-parts'
import '../../staff/staff.scss'
import './lights.scss'

const POLL_MS = 60_000

type Tab = 'lights' | 'violations'
const TABS = [
  { value: 'lights' as const, label: '红黄灯办件' },
  { value: 'violations' as const, label: '违规记录' },
]
type LightFilter = 'all' | 'red' | 'yellow'
const LIGHT_FILTERS = [
  { value: 'all' as const, label: '红灯和黄灯' },
  { value: 'red' as const, label: '红灯' },
  { value: 'yellow' as const, label: '黄灯' },
]
type CategoryFilter = 'all' | ViolationCategory
const CATEGORY_FILTERS = [{ value: 'all' as const, label: '全部' }, ...VIOLATION_CATEGORIES.map((c) => ({ value: c, label: c }))]

const lightFilterOf = (v: string | undefined): LightFilter => (v === 'red' || v === 'yellow' ? v : 'all')
const open = (caseId: string) => navigate(ROUTES.supervisionCase, { id: caseId })

/** Whose lights the reader sees, in words: the server scopes the lists the same way (supervision/lights/access.ts). */
const scopeText = (me: StaffMe) =>
  me.role === 'supervisor' || me.role === 'admin' ? '' : me.role === 'dept_lead' ? '本部门的办件。' : '您经办的办件。'

function LightsList({ light, departmentId }: { light: LightFilter; departmentId?: string }) {
  const [pages, setPages] = useState(1)
  const list = useLoad(
    () =>
      loadPages(pages, (page) =>
        supervisionApi.lightList({
          page,
          pageSize: PAGE_SIZE,
          ...(light === 'all' ? {} : { light }),
          ...(departmentId ? { departmentId } : {}),
        }),
      ),
    [light, departmentId, pages],
    { intervalMs: POLL_MS },
  )
  return (
    <View>
      <ListStatus list={list} empty="没有亮红灯或黄灯的在办件" />
      {list.data?.items.map((l) => (
        <LightCard key={l.caseId} l={l} onOpen={() => open(l.caseId)} />
      ))}
      <MoreButton list={list} onMore={() => setPages(pages + 1)} />
    </View>
  )
}

function ViolationsList({ category, departmentId }: { category: CategoryFilter; departmentId?: string }) {
  const [pages, setPages] = useState(1)
  const list = useLoad(
    () =>
      loadPages(pages, (page) =>
        supervisionApi.violationList({
          page,
          pageSize: PAGE_SIZE,
          ...(category === 'all' ? {} : { category }),
          ...(departmentId ? { departmentId } : {}),
        }),
      ),
    [category, departmentId, pages],
    { intervalMs: POLL_MS },
  )
  return (
    <View>
      <ListStatus list={list} empty="没有违规记录" />
      {list.data?.items.map((v) => (
        <ViolationCard key={v.violationId} v={v} onOpen={() => open(v.caseId)} />
      ))}
      <MoreButton list={list} onMore={() => setPages(pages + 1)} />
    </View>
  )
}

function Lists({ me, initialLight, initialDepartment }: { me: StaffMe; initialLight: LightFilter; initialDepartment?: string }) {
  const everyDepartment = me.role === 'supervisor' || me.role === 'admin'
  const [tab, setTab] = useState<Tab>('lights')
  const [light, setLight] = useState<LightFilter>(initialLight)
  const [category, setCategory] = useState<CategoryFilter>('all')
  const depts = useLoad(() => catalogApi.listDepartments(), [], { onShow: false })
  const departments = [{ id: '', name: '全部部门' }, ...(depts.data?.departments ?? [])]
  const [deptId, setDeptId] = useState(initialDepartment ?? '')
  const deptIndex = Math.max(
    0,
    departments.findIndex((d) => d.id === deptId),
  )
  const departmentId = everyDepartment && deptId ? deptId : undefined

  return (
    <View>
      <View className="sv-cases__filters">
        <ChoiceChips name="tab" options={TABS} value={tab} onChange={setTab} />
        {everyDepartment && (
          <Picker
            mode="selector"
            range={departments.map((d) => d.name)}
            value={deptIndex}
            onChange={(e) => setDeptId(departments[Number(e.detail.value)].id)}
          >
            <View className="sv-cases__picker">部门：{departments[deptIndex].name} ▾</View>
          </Picker>
        )}
        {tab === 'lights' ? (
          <ChoiceChips name="light" options={LIGHT_FILTERS} value={light} onChange={setLight} />
        ) : (
          <ChoiceChips name="category" options={CATEGORY_FILTERS} value={category} onChange={setCategory} />
        )}
        <Text className="sv-cases__hint">
          {scopeText(me)}
          {tab === 'lights'
            ? '红灯：超期、环节超时或发现违规；黄灯：临近承诺办结日期。每15分钟及每次办理后更新。'
            : '办理超时、违规受理、流程错误、违规收费。部门认为误报的，可在办件中申诉。'}
        </Text>
      </View>
      {tab === 'lights' ? (
        <LightsList key={`${light}:${departmentId ?? ''}`} light={light} departmentId={departmentId} />
      ) : (
        <ViolationsList key={`${category}:${departmentId ?? ''}`} category={category} departmentId={departmentId} />
      )}
    </View>
  )
}

/** 红黄灯办件 and 违规记录: the office and the director see every department, a lead their own, window staff the cases they handle. */
export default function SupervisionCases() {
  const { rootClass } = useLargeText()
  const me = useStaffMe()
  const q = useQuery(ROUTES.supervisionCases)
  return (
    <View className={`${rootClass} staff sv-cases`}>
      <StaffOnly me={me} notStaff={<StatusView kind="empty" message="效能监督仅限中心工作人员使用" />}>
        {(m) => <Lists me={m} initialLight={lightFilterOf(q.light)} initialDepartment={q.departmentId} />}
      </StaffOnly>
    </View>
  )
}
