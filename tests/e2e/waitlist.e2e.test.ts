/**
 * 候补 in a browser: a full day offers 加入候补; the citizen joins, sees her place in 我的候补, a
 * cancellation holds the seat for her, and she confirms it into a booking. The server clock is
 * fixed at Monday 2026-09-28 09:00 Beijing time.
 */
import { appointmentContract } from '../../types/contracts'
import { pageUrl, ROUTES } from '../../types/routes'
import { dataOf, invokeApi } from '../support/calls'
import { applicant, idNumberFor, newRequestId } from '../support/people'
import { appForFile, go, screenshotsAtPhoneWidths, shown, waitForText } from './support/app'

const CITIZEN = 'demo-citizen-a'
const DATE = '2026-10-12'
const app = appForFile()
const appointment = () => invokeApi(app.cloud, appointmentContract)

/** Every seat of the day taken, each by its own account; answers the bookings. */
async function fillDay() {
  const { slots } = dataOf(await appointment()({ action: 'listSlots', matterId: 'm-passport', date: DATE }))
  const seats = slots.flatMap((s) =>
    Array.from({ length: s.remaining }, (_, i) => ({ slotId: s.slotId, openid: `o-e2e-${s.slotId.slice(-4)}-${s.windowId}-${i}` })),
  )
  const out = []
  for (let i = 0; i < seats.length; i += 20)
    out.push(
      ...(await Promise.all(
        seats.slice(i, i + 20).map(async (s, j) => {
          const r = dataOf(
            await appointment()(
              { action: 'book', slotId: s.slotId, matterId: 'm-passport', requestId: newRequestId(), ...applicant(8000 + i + j) },
              s.openid,
            ),
          )
          return { ...s, ...r }
        }),
      )),
    )
  return out
}

describe('候补', () => {
  it('when every slot of a day is full, then the citizen joins, sees her place, and confirms the seat a cancellation frees', async () => {
    const booked = await fillDay()
    const { page } = await app.open(CITIZEN)

    await go(page, app, pageUrl(ROUTES.bookingSlots, { matterId: 'm-passport', date: DATE }))
    await shown(page).getByText('这一天已约满').waitFor()
    await screenshotsAtPhoneWidths(page, 'waitlist-1-full-day', () => shown(page).getByText('这一天已约满').waitFor())
    await shown(page).locator('.booking-slots__waitlist .big-button').click()

    const form = shown(page).locator('.waitlist-join')
    await form.getByText('自动预约').waitFor()
    await form.locator('.choice-chips--half .choice-chips__chip').filter({ hasText: '上午' }).click()
    await form.locator('.form-field--name input').fill('张伟')
    await form.locator('.form-field--idNumber input').fill(idNumberFor(4242))
    await form.locator('.form-field--phone input').fill('13800004242')
    await screenshotsAtPhoneWidths(page, 'waitlist-2-join', () => shown(page).locator('.waitlist-join').getByText('自动预约').waitFor())
    const again = shown(page).locator('.waitlist-join')
    await again.locator('.form-field--name input').fill('张伟')
    await again.locator('.form-field--idNumber input').fill(idNumberFor(4242))
    await again.locator('.form-field--phone input').fill('13800004242')
    await again.locator('.choice-chips--half .choice-chips__chip').filter({ hasText: '上午' }).click()
    await again.locator('.big-button').filter({ hasText: '加入候补' }).click()

    const mine = shown(page).locator('.waitlist-mine')
    await mine.getByText('已加入候补').waitFor()
    await waitForText(mine.locator('.waitlist-card__position'), '排在第1位')
    await screenshotsAtPhoneWidths(page, 'waitlist-3-mine', () => shown(page).locator('.waitlist-card__position').waitFor())

    // A morning booking is cancelled: its seat is held for her, and the page shows the offer.
    const morning = booked.find((b) => b.slotId.endsWith('-0900'))!
    dataOf(await appointment()({ action: 'cancel', bookingId: morning.bookingId }, morning.openid))
    await go(page, app, pageUrl(ROUTES.waitlistMine))
    const offer = shown(page).locator('.waitlist-offer')
    await offer.getByText('候补成功，已为您保留名额').waitFor()
    await offer.getByText(/请在 9月28日 21:00 前确认/).waitFor()
    await screenshotsAtPhoneWidths(page, 'waitlist-4-offer', () => shown(page).locator('.waitlist-offer').waitFor())

    await shown(page).locator('.waitlist-offer .big-button').filter({ hasText: '确认预约' }).click()
    const detail = shown(page).locator('.booking-detail')
    await detail.getByText('2026年10月12日（周一） 09:00–09:30').waitFor()

    // Someone who never joined: the empty state.
    const other = await app.open('demo-citizen-b')
    await go(other.page, app, pageUrl(ROUTES.waitlistMine))
    await shown(other.page)
      .getByText(/您还没有候补/)
      .waitFor()
    await screenshotsAtPhoneWidths(other.page, 'waitlist-5-empty', () =>
      shown(other.page)
        .getByText(/您还没有候补/)
        .waitFor(),
    )
  }, 180_000)
})
