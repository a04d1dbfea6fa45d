import { Button, Text, View } from '@tarojs/components'
import Taro, { useShareAppMessage } from '@tarojs/taro'
import { useState } from 'react'
import type { caseContract } from '../../../../types/contracts/case'
import type { ActionOutput } from '../../../../types/contracts/contract'
import { pageUrl, ROUTES } from '../../../../types/routes'
import { BigButton } from '../../../components/big-button'
import { ChoiceChips } from '../../../components/choice-chips'
import { QrCode } from '../../../components/qr-code'
import { Section } from '../../../components/section'
import { LoadStatus } from '../../../components/status-view'
import { useLargeText } from '../../../hooks/useLargeText'
import { useLoad } from '../../../hooks/useLoad'
import { caseApi } from '../../../services/api/case'
import { alert, confirm, toast } from '../../../utils/alert'
import { beijingDateTime } from '../../../utils/case'
import { useQuery } from '../../../utils/nav'
import { beijingMonthDayTime, groupedCode } from '../follow'
import '../case.scss'
import './index.scss'

type Invite = ActionOutput<typeof caseContract, 'createFollowInvite'>
type Follower = ActionOutput<typeof caseContract, 'listFollowers'>['followers'][number]
type Scope = 'case' | 'all'

const SCOPES: { value: Scope; label: string }[] = [
  { value: 'case', label: '只分享这件办件' },
  { value: 'all', label: '我的全部办件' },
]

/** The link a relative opens in the browser build (hash router); in WeChat the share card carries the path. */
const h5Link = (path: string) => (process.env.TARO_ENV === 'h5' ? `${window.location.origin}${window.location.pathname}#/${path}` : '')

function InviteCard({ invite }: { invite: Invite }) {
  const link = h5Link(invite.share.path)
  const copy = () => Taro.setClipboardData({ data: link || invite.code }).catch(() => undefined)
  return (
    <View className="follow-share__invite">
      <Text className="follow-share__invite-title">{invite.scope === 'all' ? '邀请已生成：全部办件' : '邀请已生成'}</Text>
      <Text className="follow-share__label">邀请码</Text>
      <Text className="follow-share__code" userSelect>
        {groupedCode(invite.code)}
      </Text>
      <Text className="follow-share__hint">{beijingMonthDayTime(invite.expiresAt)}前有效，只能一人使用；电话里可以直接念给家人</Text>
      {link && (
        // The browser build's link as a QR code, for a relative standing next to the screen; in WeChat the share card does this.
        <View className="follow-share__qr">
          <QrCode value={link} module={5} />
          <Text className="follow-share__hint">家人也可以用手机扫码打开</Text>
        </View>
      )}
      {process.env.TARO_ENV === 'weapp' ? (
        // Only a button with open-type="share" may open WeChat's share sheet from the page.
        <Button className="follow-share__wx-button" openType="share" hoverClass="follow-share__wx-button--pressed">
          发给家人（微信）
        </Button>
      ) : (
        <View className="follow-share__link-box">
          <Text className="follow-share__label">或把下面的链接发给家人</Text>
          <Text className="follow-share__link" userSelect>
            {link}
          </Text>
          <BigButton kind="secondary" text="复制链接" onClick={copy} />
        </View>
      )}
      <Text className="follow-share__hint">家人打开后点「关注办件进度」即可；也可以在首页「我关注的办件」里输入邀请码。</Text>
    </View>
  )
}

function FollowerRow({ f, onRevoke }: { f: Follower; onRevoke: (f: Follower) => void }) {
  return (
    <View className="follow-share__follower">
      <View className="follow-share__follower-main">
        <Text className="follow-share__follower-name">{f.nickname}</Text>
        <Text className="follow-share__follower-meta">
          {f.scope === 'all' ? '可看我的全部办件' : `可看：${f.matterName ?? '这件办件'}`} · {beijingDateTime(f.since)}起
        </Text>
      </View>
      <View className="follow-share__revoke" hoverClass="follow-share__revoke--pressed" onClick={() => onRevoke(f)}>
        取消关注
      </View>
    </View>
  )
}

/**
 * 分享给家人查看: the applicant makes a one-time invitation for this case (or all of their cases),
 * sends it as a WeChat card (or, in the browser build, a code and link), and sees and revokes who
 * follows. What the relative will and will not see is said before anything is shared.
 */
export default function ShareWithFamily() {
  const { rootClass } = useLargeText()
  const caseId = useQuery(ROUTES.caseShare).id ?? ''
  const [scope, setScope] = useState<Scope>(caseId ? 'case' : 'all')
  const [invite, setInvite] = useState<Invite | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')
  // Shown again after the relative accepted (the applicant comes back from WeChat): the list refreshes.
  const followers = useLoad(() => caseApi.listFollowers(scope === 'case' && caseId ? { caseId } : {}), [caseId, scope])

  useShareAppMessage(() =>
    invite
      ? { title: invite.share.title, path: `/${invite.share.path}` }
      : // The menu's 转发 before an invitation exists: share the centre's home page, never this screen.
        { title: '政务服务中心', path: pageUrl(ROUTES.home) },
  )

  const create = async () => {
    if (busy) return
    setBusy(true)
    setError('')
    const r = await caseApi.createFollowInvite(scope === 'case' && caseId ? { caseId } : { all: true })
    setBusy(false)
    if (r.ok) setInvite(r.data)
    else setError(r.error.message)
  }

  const revoke = async (f: Follower) => {
    const sure = await confirm({
      title: '取消关注',
      content: `取消后「${f.nickname}」将看不到您的办件进度，也不再收到通知。确定取消吗？`,
      confirmText: '确定取消',
      cancelText: '不取消',
      danger: true,
    })
    if (!sure) return
    Taro.showLoading({ title: '正在取消', mask: true })
    const r = await caseApi.revokeFollower({ followerId: f.followerId })
    Taro.hideLoading()
    if (r.ok) toast('已取消关注', 'success')
    else await alert('未能取消', r.error.message)
    followers.refresh()
  }

  const list = followers.data?.followers ?? []
  return (
    <View className={`${rootClass} case-page follow-share`}>
      <View className="case-page__head">
        <Text className="case-page__title">让家人看办理进度</Text>
        <Text className="case-page__sub">家人用自己的微信关注后，能看到办到哪一步、办结期限和领取地点，也能收到进度通知。</Text>
        <Text className="follow-share__private">家人看不到：取件码、您的身份证号和手机号、提交的材料。</Text>
      </View>

      {!invite && (
        <View className="section">
          {caseId && <ChoiceChips name="scope" options={SCOPES} value={scope} onChange={setScope} />}
          {!caseId && <Text className="case-page__note">分享范围：我的全部办件（包括以后的新办件）</Text>}
          {error && <Text className="case-page__error follow-share__error">{error}</Text>}
          <View className="follow-share__create">
            <BigButton text="生成邀请" loading={busy} loadingText="正在生成…" onClick={create} />
          </View>
        </View>
      )}
      {invite && <InviteCard invite={invite} />}
      {invite && (
        <View className="case-page__actions">
          <BigButton kind="secondary" text="再邀请一位家人" onClick={() => setInvite(null)} />
        </View>
      )}

      <Section title="正在关注的家人">
        {!followers.data && <LoadStatus of={followers} />}
        {followers.data && list.length === 0 && <Text className="case-page__note">还没有家人关注。家人接受邀请后会显示在这里。</Text>}
        {list.map((f) => (
          <FollowerRow key={f.followerId} f={f} onRevoke={revoke} />
        ))}
        {list.length > 0 && <Text className="case-page__note">取消后对方立即看不到进度，也不再收到通知。</Text>}
      </Section>
    </View>
  )
}
