import { NOTIFICATION_EVENTS, SUBJECT_KINDS } from '../../types/domain/notification'
import { subjectKindOf } from '../../types/domain/template-format'
import { MESSAGE_KIND_LABELS } from '../../src/utils/messages'

describe('what a message is about', () => {
  it.each(NOTIFICATION_EVENTS)('when %s reaches the message centre, then its kind is its own and the app has a label for it', (event) => {
    const kind = subjectKindOf(event)
    expect(SUBJECT_KINDS).toContain(kind)
    expect(kind).toBe(event.split('.')[0])
    expect(MESSAGE_KIND_LABELS[kind]).toMatch(/\p{Script=Han}/u)
  })
})
