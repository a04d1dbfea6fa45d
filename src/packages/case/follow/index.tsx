import { Input, Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { inviteCodeSchema } from '../../../../types/domain/follow'
import { ROUTES } from '../../../../types/routes'
import { BigButton } from '../../../components/big-button'
import { ChoiceChips } from '../../../components/choice-chips'
import { FormField } from '../../../components/form-field'
import { useLargeText } from '../../../hooks/useLargeText'
import { caseApi } from '../../../services/api/case'
import { askConsent, prefetchConsent } from '../../../services/subscribe'
import { toast } from '../../../utils/alert'
import { navigate, redirect, useQuery } from '../../../utils/nav'
import { codeFromInput, groupedCode, RELATIONS, type Relation } from '../follow'
// The form sits in a section card (the section component's look, without its title).
import '../../../components/section/index.scss'
import '../case.scss'
import './index.scss'

/**
 * 关注家人办件: opened from the applicant's share card (`?code=…`), or from 我关注的办件 to type a
 * code read out over the phone. One tap follows: the 订阅消息 prompt first (inside the tap, as
 * WeChat requires), then the acceptance, then straight to the case.
 */
export default function FollowInvite() {
  const { rootClass } = useLargeText()
  const fromCard = codeFromInput(useQuery(ROUTES.caseFollow).code ?? '')
  const [typed, setTyped] = useState('')
  const [relation, setRelation] = useState<Relation>('爸爸')
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)

  useEffect(() => prefetchConsent('follow_relative'), [])

  const follow = async () => {
    if (busy) return
    const code = inviteCodeSchema.safeParse(fromCard || codeFromInput(typed))
    if (!code.success) return setError(code.error.issues[0]?.message ?? '邀请码不正确，请核对后重新输入')
    setBusy(true)
    setError('')
    // Consent first, inside this tap (WeChat's rule): the relative's own grant for progress pushes.
    await askConsent('follow_relative')
    const r = await caseApi.acceptFollowInvite({ code: code.data, nickname: relation })
    setBusy(false)
    if (!r.ok) return setError(r.error.message)
    toast('关注成功', 'success')
    if (r.data.caseId) redirect(ROUTES.caseFollowed, { id: r.data.caseId, fresh: 1 })
    else redirect(ROUTES.caseFollowedList)
  }

  return (
    <View className={`${rootClass} case-page follow-accept`}>
      <View className="case-page__head">
        <Text className="case-page__title">{fromCard ? '家人请您关注办件进度' : '输入家人发来的邀请码'}</Text>
        <Text className="case-page__sub">关注后，不用跑大厅，在手机上就能看到办到哪一步、什么时候能领取。</Text>
      </View>

      <View className="section">
        {fromCard ? (
          <View className="follow-accept__code-box">
            <Text className="follow-accept__label">邀请码</Text>
            <Text className="follow-accept__code">{groupedCode(fromCard)}</Text>
          </View>
        ) : (
          <FormField label="邀请码" name="code" hint="8位字母或数字，不区分大小写，空格可以不输">
            <Input
              className="form-field__input"
              value={typed}
              maxlength={60}
              placeholder="请输入邀请码"
              confirmType="done"
              onInput={(e) => {
                setTyped(e.detail.value)
                setError('')
              }}
              onConfirm={follow}
            />
          </FormField>
        )}
        {/* Chips draw their own boxes: the form-field markup without its control box (as the apply form does). */}
        <View className="form-field form-field--relation">
          <Text className="form-field__label">您是申请人的</Text>
          <ChoiceChips name="relation" options={RELATIONS} value={relation} onChange={setRelation} />
        </View>
      </View>

      {error && <Text className="case-page__error follow-accept__error">{error}</Text>}
      <View className="case-page__actions">
        <BigButton text="关注办件进度" loading={busy} loadingText="正在关注…" onClick={follow} />
      </View>
      <Text className="case-page__note case-page__note--pad">
        您能看到进度、办结期限和领取地点；看不到取件码、证件号和材料。申请人可以随时取消您的关注。
      </Text>
      <View className="follow-accept__more" hoverClass="follow-accept__more--pressed" onClick={() => navigate(ROUTES.caseFollowedList)}>
        我关注的办件
      </View>
    </View>
  )
}
