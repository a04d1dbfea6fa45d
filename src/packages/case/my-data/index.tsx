import { Text, View } from '@tarojs/components'
import { maskIdNumber, maskPhone } from '../../../../types/domain/masking'
import { InfoRow } from '../../../components/info-row'
import { Section } from '../../../components/section'
import { LoadStatus, StatusView } from '../../../components/status-view'
import { useLargeText } from '../../../hooks/useLargeText'
import { useLoad } from '../../../hooks/useLoad'
import { accountApi } from '../../../services/api/account'
import { caseApi } from '../../../services/api/case'
import { alertError, confirm, toast } from '../../../utils/alert'
import { beijingDateTime } from '../../../utils/case'
import '../case.scss'
import './index.scss'

/**
 * 我的信息与材料: what the app keeps of the citizen for filling forms (常用信息, with the ID number)
 * and the files they uploaded (我的材料), each deletable here. Numbers are shown masked: the
 * screen may be seen by others, and the citizen knows their own.
 */
export default function MyData() {
  const { rootClass } = useLargeText()
  const profile = useLoad(() => accountApi.getProfile(), [])
  const materials = useLoad(() => caseApi.myMaterials(), [])

  const deleteProfile = async () => {
    const sure = await confirm({
      title: '删除常用信息',
      content: '删除后，预约和申请时需要重新填写姓名、身份证号码和手机号码。已提交的预约和申请不受影响。',
      confirmText: '删除',
      danger: true,
    })
    if (!sure) return
    const r = await accountApi.deleteProfile()
    if (!r.ok) return alertError('未能删除', r.error)
    toast('已删除', 'success')
    profile.refresh()
  }

  const deleteMaterial = async (libraryId: string, fileName: string) => {
    const sure = await confirm({
      title: '删除材料',
      content: `从我的材料中删除「${fileName}」？已提交的申请仍保留这份材料。`,
      confirmText: '删除',
      danger: true,
    })
    if (!sure) return
    const r = await caseApi.deleteMaterial({ libraryId })
    if (!r.ok) return alertError('未能删除', r.error)
    toast('已删除', 'success')
    materials.refresh()
  }

  const p = profile.data?.profile
  const items = materials.data?.items ?? []
  return (
    <View className={`${rootClass} case-page my-data`}>
      <Section title="常用信息">
        {!profile.data && <LoadStatus of={profile} />}
        {profile.data && !p && <StatusView kind="empty" message="没有保存常用信息。预约时勾选「保存为常用信息」才会保存。" />}
        {p && (
          <View>
            <InfoRow label="姓名">{p.name}</InfoRow>
            <InfoRow label="身份证">{maskIdNumber(p.idNumber)}</InfoRow>
            <InfoRow label="手机号">{maskPhone(p.phone)}</InfoRow>
            {p.address && <InfoRow label="地址">{p.address}</InfoRow>}
            <View className="my-data__delete" hoverClass="my-data__delete--pressed" onClick={deleteProfile}>
              删除常用信息
            </View>
          </View>
        )}
      </Section>

      <Section title={materials.data ? `我的材料（${items.length}份）` : '我的材料'}>
        {!materials.data && <LoadStatus of={materials} />}
        {materials.data && items.length === 0 && (
          <StatusView kind="empty" message="还没有上传过材料。网上申请时上传的材料会保存在这里，下次可直接选用。" />
        )}
        {items.map((m) => (
          <View key={m.libraryId} className="my-data__item">
            <View className="my-data__item-text">
              <Text className="my-data__item-name">{m.materialName}</Text>
              <Text className="my-data__item-meta">
                {m.fileName} · 上传于 {beijingDateTime(m.createdAt)}
              </Text>
            </View>
            <View
              className="my-data__item-delete"
              hoverClass="my-data__delete--pressed"
              onClick={() => deleteMaterial(m.libraryId, m.fileName)}
            >
              删除
            </View>
          </View>
        ))}
      </Section>
      <Text className="case-page__note case-page__note--pad">这些信息只有您本人可以看到，仅用于自动填写表单。</Text>
    </View>
  )
}
