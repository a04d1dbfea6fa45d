/**
 * The staff tools' icons (Lucide, ISC licence), kept apart from ./icons.ts: only the staff
 * subpackage imports this file, so Taro's optimizeMainPackage puts it in that subpackage.
 */
import {
  CalendarClock,
  CalendarCog,
  CalendarDays,
  ChartColumn,
  ClipboardCheck,
  Megaphone,
  MessageSquareWarning,
  ScanLine,
  ThumbsDown,
  TriangleAlert,
  UserPlus,
  UserRoundCheck,
  Volume2,
} from 'lucide'
import { ICONS } from './icons'

export const STAFF_ICONS = {
  cases: ICONS.cases,
  ask: ICONS.ask,
  visit: ICONS.visit,
  assist: ICONS.assist,
  stats: ChartColumn,
  alert: TriangleAlert,
  supervise: ClipboardCheck,
  call: Volume2,
  checkin: ScanLine,
  today: CalendarClock,
  schedule: CalendarCog,
  badRating: ThumbsDown,
  complaint: MessageSquareWarning,
  notice: Megaphone,
  invite: UserPlus,
  attendance: UserRoundCheck,
  calendar: CalendarDays,
}
