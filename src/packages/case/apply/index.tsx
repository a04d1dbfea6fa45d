import { View } from '@tarojs/components'
import { isEditable } from '../../../../types/domain/case-machine'
import { ROUTES } from '../../../../types/routes'
import { BigButton } from '../../../components/big-button'
import { LoadStatus, StatusView } from '../../../components/status-view'
import { useLargeText } from '../../../hooks/useLargeText'
import { useLoad } from '../../../hooks/useLoad'
import { redirect, useQuery } from '../../../utils/nav'
import type { Start } from './application'
import { ConfirmStep } from './confirm-step'
import { EditStep } from './edit-step'
import { loadApplication } from './load'
import { useApplication } from './use-application'
import '../case.scss'
import './index.scss'

function Application({ start, rootClass }: { start: Start; rootClass: string }) {
  const app = useApplication(start)
  const { model } = app.state
  if (!isEditable(model.state)) {
    return (
      <View className={`${rootClass} case-page case-apply`}>
        <StatusView kind="empty" message="该办件已提交，不能再修改" />
        <View className="case-page__actions">
          <BigButton text="查看办件进度" onClick={() => redirect(ROUTES.caseDetail, { id: model.caseId ?? '' })} />
        </View>
      </View>
    )
  }
  return app.state.step === 'confirm' ? <ConfirmStep app={app} rootClass={rootClass} /> : <EditStep app={app} rootClass={rootClass} />
}

/**
 * 网上申请: the matter's form (prefilled from 常用信息, 避免二次录入), its material checklist with
 * upload or reuse from 我的材料, how to receive the result; 保存草稿 at any time, a confirm step,
 * then submit. Opened with `caseId` it resumes a draft, or is the 补正 of a case waiting for one.
 */
export default function ApplyPage() {
  const { rootClass } = useLargeText()
  const q = useQuery(ROUTES.caseApply)
  const matterId = q.matterId ?? ''
  const caseId = q.caseId ?? ''
  const assistId = q.assistId ?? ''
  // Loaded once: coming back to the page must not throw away what was typed.
  const start = useLoad(() => loadApplication(matterId, caseId, assistId), [matterId, caseId, assistId], { onShow: false })
  if (!start.data) {
    return (
      <View className={`${rootClass} case-page case-apply`}>
        <LoadStatus of={start} missing="未找到该事项或办件" />
      </View>
    )
  }
  return <Application start={start.data} rootClass={rootClass} />
}
