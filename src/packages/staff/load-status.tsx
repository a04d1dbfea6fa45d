import { Text } from '@tarojs/components'
import type { ReactNode } from 'react'
import { LoadStatus, StatusView, type LoadStatusProps } from '../../components/status-view'
import type { Loaded } from '../../hooks/useLoad'
import type { StaffMe } from './staff'

/** LoadStatus, with the staff pages' boxed 刷新失败 line above data a refresh could not update. */
export function StaffLoadStatus({ of: view, missing }: LoadStatusProps) {
  if (view.data === undefined) return <LoadStatus of={view} missing={missing} />
  return view.error ? <Text className="staff__error">刷新失败：{view.error.message}</Text> : null
}

/**
 * A worklist's load: a FORBIDDEN answer (the caller is not staff of a department) is shown as
 * empty with the server's words, not as a fault to retry; an empty list says `empty`.
 */
export function ListStatus({ list, empty }: { list: Loaded<{ items: readonly unknown[] }>; empty: string }) {
  if (list.data === undefined && list.error?.code === 'FORBIDDEN') return <StatusView kind="empty" message={list.error.message} />
  return (
    <>
      <StaffLoadStatus of={list} />
      {list.data?.items.length === 0 && <StatusView kind="empty" message={empty} />}
    </>
  )
}

/** The staff pages' gate: the spinner, a load error, `notStaff` for an account not bound as staff, else the page. */
export function StaffOnly({
  me,
  notStaff,
  children,
}: {
  me: Loaded<StaffMe | null>
  notStaff: ReactNode
  children: (me: StaffMe) => ReactNode
}) {
  if (me.data === undefined) return <LoadStatus of={me} />
  return <>{me.data ? children(me.data) : notStaff}</>
}
