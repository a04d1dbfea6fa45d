import { Input, Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { CaseView } from '../../../../types/contracts/case'
import type { SupplementItem } from '../../../../types/domain/case-supplement'
import { ChoiceChips } from '../../../components/choice-chips'
import { FormField } from '../../../components/form-field'
import { ActionForm } from './action-form'
import type { PanelProps } from './panel-props'
import { useCaseAction } from './use-case-action'

/** An item of the supplement notice being written: what it is about (a target's index), its name when 其他, and what is wrong. */
interface ItemDraft {
  target: number
  other: string
  problem: string
}

const NEW_ITEM: ItemDraft = { target: 0, other: '', problem: '' }
const MAX_ITEMS = 30

/** Targets a supplement item can name: every checklist material, every form field, or something else (last). */
function targetsOf(c: CaseView) {
  return [
    ...c.materials.map((m) => ({ label: `材料：${m.name}`, item: { material: m.index } as Partial<SupplementItem> })),
    ...c.formFields.map((f) => ({ label: `表单：${f.label}`, item: { field: f.key } as Partial<SupplementItem> })),
    { label: '其他事项…', item: {} as Partial<SupplementItem> },
  ]
}

/** 一次性告知补正: every item the citizen must fix, listed at once (no new items may be raised later). */
export function SupplementPanel({ c, action, onDone, onCancel }: PanelProps) {
  const act = useCaseAction(c.caseId, action, onDone)
  const targets = targetsOf(c)
  const OTHER = targets.length - 1
  const [items, setItems] = useState<ItemDraft[]>([NEW_ITEM])
  const setItem = (i: number, patch: Partial<ItemDraft>) => setItems((xs) => xs.map((x, k) => (k === i ? { ...x, ...patch } : x)))

  // Two items naming the same thing would split one notice; the server keeps one key per item.
  const namesOneThingTwice = () => {
    const keys = items.map((x) => (x.target === OTHER ? `o:${x.other.trim()}` : String(x.target)))
    return new Set(keys).size !== keys.length
  }

  const submit = () => {
    if (namesOneThingTwice()) return act.refuse({ form: '有两项指向同一材料或字段，请合并为一项' })
    return act.submit({
      items: items.map((x) => ({
        ...targets[x.target].item,
        ...(x.target === OTHER ? { other: x.other.trim() } : {}),
        problem: x.problem.trim(),
      })),
    })
  }

  return (
    <ActionForm act={act} noteLabel="补充说明（选填）" onSubmit={submit} onCancel={onCancel}>
      <View>
        <Text className="staff-case__hint">一次性告知：把需要补正的全部事项一次列出，之后不能再提出新的事项。</Text>
        {items.map((x, i) => (
          <View key={i} className={`case-act__item case-act__item--${i}`}>
            <View className="case-act__item-head">
              <Text className="case-act__item-no">第{i + 1}项：补正哪一项？</Text>
              {items.length > 1 && (
                <View
                  className="case-act__remove"
                  hoverClass="case-act__remove--pressed"
                  onClick={() => setItems((xs) => xs.filter((_, k) => k !== i))}
                >
                  删除此项
                </View>
              )}
            </View>
            <ChoiceChips
              name={`target-${i}`}
              options={targets.map((t, k) => ({ value: String(k), label: t.label }))}
              value={String(x.target)}
              onChange={(v) => setItem(i, { target: Number(v) })}
            />
            {x.target === OTHER && (
              <FormField label="事项名称" name={`item-other-${i}`} error={act.errors[`items.${i}`]}>
                <Input
                  className="form-field__input"
                  value={x.other}
                  maxlength={30}
                  placeholder="如：缴费凭证"
                  onInput={(e) => setItem(i, { other: e.detail.value })}
                />
              </FormField>
            )}
            <FormField label="需要补正的内容" name={`item-problem-${i}`} error={x.target === OTHER ? undefined : act.errors[`items.${i}`]}>
              <Input
                className="form-field__input"
                value={x.problem}
                maxlength={200}
                placeholder="写明缺什么、哪里不对、怎样改"
                onInput={(e) => setItem(i, { problem: e.detail.value })}
              />
            </FormField>
          </View>
        ))}
        {items.length < MAX_ITEMS && (
          <View className="case-act__add" hoverClass="case-act__add--pressed" onClick={() => setItems((xs) => [...xs, NEW_ITEM])}>
            ＋ 再加一项
          </View>
        )}
        {act.errors.items && <Text className="form-field__error">{act.errors.items}</Text>}
      </View>
    </ActionForm>
  )
}
