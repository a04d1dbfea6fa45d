import { Text, View } from '@tarojs/components'
import { ROUTES } from '../../../../types/routes'
import { useLargeText } from '../../../hooks/useLargeText'
import { navigate } from '../../../utils/nav'
import './index.scss'

interface ModeOption {
  large: boolean
  title: string
  desc: string
}

const MODES: ModeOption[] = [
  { large: false, title: '标准版', desc: '全部功能，常规字号' },
  { large: true, title: '长辈版', desc: '字更大、行距更宽、按钮更大；首页只留预约、进度、取号、咨询、上门服务和电话咨询' },
]

/** 设置: where 长辈版 is found by its name (the 工信部 rules ask for it in settings as well as on the home page). */
export default function Settings() {
  const { large, setLarge, rootClass } = useLargeText()
  return (
    <View className={`${rootClass} settings`}>
      <View className="settings__head">
        <Text className="settings__title">显示模式</Text>
        <Text className="settings__sub">选择后所有页面立即生效，可随时改回。</Text>
      </View>
      {MODES.map((m) => {
        const on = m.large === large
        return (
          <View
            key={m.title}
            className={`settings__mode settings__mode--${m.large ? 'elder' : 'standard'}${on ? ' settings__mode--on' : ''}`}
            hoverClass="settings__mode--pressed"
            onClick={() => setLarge(m.large)}
          >
            <View className="settings__mode-main">
              <Text className="settings__mode-title">{m.title}</Text>
              <Text className="settings__mode-desc">{m.desc}</Text>
            </View>
            <Text className="settings__mode-mark">{on ? '✓ 使用中' : '选择'}</Text>
          </View>
        )
      })}
      <View className="settings__head">
        <Text className="settings__title">个人信息</Text>
      </View>
      <View className="settings__mode" hoverClass="settings__mode--pressed" onClick={() => navigate(ROUTES.caseMyData)}>
        <View className="settings__mode-main">
          <Text className="settings__mode-title">我的信息与材料</Text>
          <Text className="settings__mode-desc">查看、删除保存的常用信息和上传过的材料</Text>
        </View>
        <Text className="settings__mode-mark">›</Text>
      </View>
    </View>
  )
}
