/**
 * The main package's icons: the few Lucide icons (https://lucide.dev, ISC licence) the citizen
 * pages draw, by our own names. Named imports from `lucide`: its package.json says
 * `sideEffects: false`, so the production build keeps only these (150–400 bytes of path data
 * each), not the 1,600+ others. The staff tools' icons are in ./staff-icons.ts, which only the
 * staff subpackage imports; scripts/tab-icons.ts draws the tab bar's PNGs from the same set.
 */
import {
  BadgeCheck,
  Bell,
  BookOpenText,
  Briefcase,
  CalendarCheck,
  CalendarDays,
  FileSearch,
  FolderOpen,
  HandHelping,
  Hourglass,
  House,
  IdCard,
  KeyRound,
  MessageCircleQuestionMark,
  Phone,
  Settings,
  Star,
  Ticket,
  Users,
  type IconNode,
} from 'lucide'

export type { IconNode }

export const ICONS = {
  guide: BookOpenText,
  booking: CalendarCheck,
  bookings: CalendarDays,
  waitlist: Hourglass,
  queue: Ticket,
  cases: FolderOpen,
  progress: FileSearch,
  ask: MessageCircleQuestionMark,
  assist: HandHelping,
  visit: House,
  rate: Star,
  followed: Users,
  materials: IdCard,
  phone: Phone,
  settings: Settings,
  messages: Bell,
  desk: Briefcase,
  bind: BadgeCheck,
  devLogin: KeyRound,
} satisfies Record<string, IconNode>

export type IconName = keyof typeof ICONS
