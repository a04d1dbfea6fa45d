import type { TestCloud } from '../support/cloud'
import { clearFakeNow, setBeijingNow } from '../support/clock'
import { A, inquiryClient, LEAD, saveProfile, STAFF, startInquiryCloud, SUPERVISOR } from '../support/inquiry'
import { dataOf } from '../support/calls'

let t: TestCloud
let c: ReturnType<typeof inquiryClient>

const ID = '110101198001011234'
const OLD_ID = '110101800101123'
const QUESTION = `身份证${ID}的护照过期了，电话+86 139-1234-5678，旧证号${OLD_ID}，换发要带什么？`
const REPLY = '带身份证和旧护照即可，也可致电0359-0601101，或打我手机138 0000 1111。'
const FOLLOW_UP = '我爱人的身份证是11010519491231002X，能一起办吗？'
const COMMENT = '很好，有事再打13912345678'

/** Whole numbers that must not reach a viewer who did not write them. */
const WHOLE = [ID, OLD_ID, '139-1234-5678', '13912345678', '138 0000 1111', '11010519491231002X']
/** The free text of a view or list entry (ids left out: random hex may hold a run of digits). */
/** The fields of a view or list entry that carry free text. */
interface Texts {
  topic?: string
  question?: string
  messages?: Array<{ text: string }>
  rating?: { comment?: string }
}
const textsOf = (v: Texts): string[] =>
  [v.topic, v.question, ...(v.messages ?? []).map((m) => m.text), v.rating?.comment].filter((x) => typeof x === 'string')
const noWholeNumber = (v: Texts | Texts[]) => {
  expect(JSON.stringify(v)).not.toMatch(new RegExp(WHOLE.join('|')))
  // Nothing of 7 digits or more in a row is left in the text, the departments' office number aside.
  for (const text of (Array.isArray(v) ? v : [v]).flatMap(textsOf)) expect(text.replace(/0359-0601101/g, '')).not.toMatch(/\d{7,}/)
}

let id = ''
beforeAll(async () => {
  setBeijingNow('2026-09-21', '09:00')
  t = await startInquiryCloud()
  c = inquiryClient(t)
  await t.db
    .collection('settings')
    .doc('inquiry_policy')
    .set({ data: { maxOpenPerAsker: 50 } })
  await saveProfile(t, A, '张伟')
  id = await c.askOk(A, { question: QUESTION })
  await c.ok(c.claim(id))
  await c.ok(c.send(id, REPLY, STAFF))
  await c.ok(c.send(id, FOLLOW_UP, A))
  await c.ok(c.send(id, '可以，请一起到窗口。', STAFF))
  await c.ok(c.call({ action: 'rate', inquiryId: id, score: 5, comment: COMMENT }, A))
})
afterAll(async () => {
  clearFakeNow()
  await t?.close()
})

describe('free text reaches its author whole and everyone else masked', () => {
  it.each([
    ['the department lead', LEAD],
    ['a supervisor', SUPERVISOR],
  ])(
    'when %s reads the inquiry, then the question, the follow-up, the replies and the comment show no whole ID or phone number',
    async (_who, openid) => {
      const view = dataOf(await c.get(id, openid))
      noWholeNumber(view)
      expect(view.question).toBe('身份证110101********1234的护照过期了，电话139****5678，旧证号110101*****1123，换发要带什么？')
      expect(view.messages.map((m) => m.text)).toEqual([
        '带身份证和旧护照即可，也可致电0359-0601101，或打我手机138****1111。',
        '我爱人的身份证是110105********002X，能一起办吗？',
        '可以，请一起到窗口。',
      ])
      expect(view.rating!.comment).toBe('很好，有事再打139****5678')
      expect(view.topic).toBe('身份证110101********12…')
    },
  )

  it('when the staff member who replied reads it, then their own replies are whole and the asker’s text masked', async () => {
    const view = dataOf(await c.get(id, STAFF))
    expect(view.messages[0].text).toBe(REPLY)
    expect(view.messages[1].text).not.toContain('11010519491231002X')
    expect(view.question).not.toContain(ID)
  })

  it('when the asker reads it, then their own text is whole and the reply keeps the numbers staff gave on purpose', async () => {
    const view = dataOf(await c.get(id, A))
    expect(view.question).toBe(QUESTION)
    expect(view.messages[1].text).toBe(FOLLOW_UP)
    expect(view.rating!.comment).toBe(COMMENT)
    expect(view.messages[0].text).toBe('带身份证和旧护照即可，也可致电0359-0601101，或打我手机138 0000 1111。')
    expect(dataOf(await c.call({ action: 'myInquiries' }, A)).items.find((x) => x.inquiryId === id)!.topic).toBe(
      QUESTION.slice(0, 19) + '…',
    )
  })

  it('when staff list their inbox, then the topic is cut from the masked question', async () => {
    const second = await c.askOk(A, { question: QUESTION })
    const items = dataOf(await c.call({ action: 'inbox', box: 'unclaimed' }, STAFF)).items
    const entry = items.find((x) => x.inquiryId === second)
    expect(entry!.topic).toBe('身份证110101********12…')
    noWholeNumber(items)
  })

  it('when the reply notification is queued, then its topic carries no whole number', async () => {
    const queued = (await t.db.collection('outbox').where({ subjectRoot: id }).limit(10).get()).data
    expect(queued.length).toBeGreaterThan(0)
    for (const n of queued) noWholeNumber({ topic: n.data.topic })
  })
})
