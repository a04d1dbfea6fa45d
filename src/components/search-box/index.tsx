import { Input, Text, View } from '@tarojs/components'
import './index.scss'

export interface SearchBoxProps {
  placeholder?: string
  value?: string
  /** Read-only: the box is a button that opens the search page. */
  onTap?: () => void
  onChange?: (value: string) => void
  onConfirm?: (value: string) => void
  focus?: boolean
}

const DEFAULT_PLACEHOLDER = '搜索事项，如：护照、营业执照'

/** The search field, either live (search page) or as an entry button (home page). */
export function SearchBox({ placeholder = DEFAULT_PLACEHOLDER, value = '', onTap, onChange, onConfirm, focus }: SearchBoxProps) {
  if (onTap) {
    return (
      <View className="search-box search-box--entry" hoverClass="search-box--pressed" onClick={onTap}>
        <View className="search-box__icon" />
        <Text className="search-box__placeholder">{placeholder}</Text>
      </View>
    )
  }
  return (
    <View className="search-box">
      <View className="search-box__icon" />
      <Input
        className="search-box__input"
        value={value}
        placeholder={placeholder}
        placeholderClass="search-box__placeholder"
        confirmType="search"
        maxlength={30}
        focus={focus}
        onInput={(e) => onChange?.(e.detail.value)}
        onConfirm={(e) => onConfirm?.(e.detail.value)}
      />
      {value && (
        <View className="search-box__clear" hoverClass="search-box--pressed" onClick={() => onChange?.('')}>
          清除
        </View>
      )}
    </View>
  )
}
