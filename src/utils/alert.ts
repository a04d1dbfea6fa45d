import Taro from '@tarojs/taro'
import type { AppErrorBody } from '../../types/result'

/**
 * The app's three ways to tell someone something, worded once: a notice they acknowledge, a
 * question they answer, and a passing toast. None throws: a modal the platform could not show
 * counts as "not confirmed".
 */

/** Destructive choices are red, in the app's danger colour (app.scss --c-danger); every other confirm button is the brand blue (--c-primary), not WeChat's default grey-blue. */
const DANGER = '#b3261e'
const BRAND = '#0b57d0'

/** A notice with one button: 知道了 (why something did not work), or another word for news (好的). */
export async function alert(title: string, content: string, confirmText = '知道了'): Promise<void> {
  await Taro.showModal({ title, content, showCancel: false, confirmText, confirmColor: BRAND }).catch(() => undefined)
}

/** The most useful line of a failed answer: the first field issue, else the message. */
export const errorText = (error: AppErrorBody): string => error.issues?.[0]?.message ?? error.message

/** A failed answer as a notice: `title` says what did not happen (未能撤回), the content why. */
export const alertError = (title: string, error: AppErrorBody) => alert(title, errorText(error))

export interface ConfirmOptions {
  title: string
  content: string
  /** The button that goes ahead, named for what it does (确定撤回, 换码). */
  confirmText: string
  cancelText?: string
  /** The action ends or removes something (撤回, 取消关注): its button is red. */
  danger?: boolean
}

/** Asks before an action that cannot be undone; answers whether to go ahead. */
export async function confirm({ title, content, confirmText, cancelText = '取消', danger = false }: ConfirmOptions): Promise<boolean> {
  const r = await Taro.showModal({ title, content, confirmText, cancelText, confirmColor: danger ? DANGER : BRAND }).catch(() => ({
    confirm: false,
  }))
  return r.confirm
}

/** A short note that something worked (已提交); `success` shows WeChat's tick, otherwise text only. */
export function toast(title: string, kind: 'success' | 'text' = 'text'): void {
  Taro.showToast({ title, icon: kind === 'success' ? 'success' : 'none' }).catch(() => undefined)
}
