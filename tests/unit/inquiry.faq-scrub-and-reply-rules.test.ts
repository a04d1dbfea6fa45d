import { namesByCue, scrubFaq, scrubPersonalData, SCRUB_MARKS } from '../../types/domain/faq-scrub'
import {
  dueLevel,
  faqMatchScore,
  rankFaqs,
  replyDueDate,
  DEFAULT_INQUIRY_POLICY,
  allowedInquiryActions,
  type InquiryStanding,
  type InquiryState,
} from '../../types/domain/inquiry'
import { builtInCalendar as workingDays } from '../../types/domain/working-days'

const { idNumber: ID, phone: PHONE, name: NAME } = SCRUB_MARKS

describe('scrubbing personal data from an FAQ entry', () => {
  it.each([
    ['an 18-digit ID number', '身份证110101198001011234', `身份证${ID}`],
    ['an ID number ending in x', '证件号11010519491231002x。', `证件号${ID}。`],
    ['an ID number written in groups', '110101 19800101 1234', ID],
    ['an old 15-digit ID number', '旧证号110101800101123', `旧证号${ID}`],
    ['a mobile number', '电话13912345678', `电话${PHONE}`],
    ['a mobile number with dashes', '电话139-1234-5678', `电话${PHONE}`],
    ['a mobile number with +86', '+86 13912345678', PHONE],
    ['a landline', '家里0359-6521234', `家里${PHONE}`],
    ['a public office number that is kept', '请致电0359-0601101', '请致电0359-0601101'],
    ['an ID number copied from a masked view', '证件号110105********002X有误', `证件号${ID}有误`],
    ['a mobile copied from a masked view', '电话139****5678', `电话${PHONE}`],
    ['我叫 + a name', '我叫张伟，想问一下', `我叫${NAME}，想问一下`],
    ['我叫 + a name followed by a verb', '我叫李明想问护照', `我叫${NAME}想问护照`],
    ['姓名： + a name', '姓名：王小明', `姓名：${NAME}`],
    ['a compound surname', '我叫欧阳娜娜。', `我叫${NAME}。`],
    ['a relative by name', '我儿子张小明的护照', `我儿子${NAME}的护照`],
    ['我是 + a surname-led name', '我是刘洋，个体户', `我是${NAME}，个体户`],
    ['a surname with a title', '李女士您好', '某女士您好'],
    ['a full name with a title', '张伟先生您好', '某先生您好'],
    ['联系 + a name', '可联系李娜办理', `可联系${NAME}办理`],
  ])('when the text has %s, then it is removed', (_what, input, output) => {
    expect(scrubPersonalData(input, { keepNumbers: ['0359-0601101'] }).text).toBe(output)
  })

  it.each([
    ['我是个体户，想办营业执照'],
    ['本人持有效身份证件到窗口办理'],
    ['办理时限为7个工作日'],
    ['请到一楼A区12号窗口'],
    ['受理编号ZW2026092212345'],
    ['需要户口本原件及复印件1份'],
    ['请留下联系方式'],
    ['可以找窗口工作人员'],
  ])('when the text has no personal data (%s), then it is unchanged', (input) => {
    expect(scrubPersonalData(input).text).toBe(input)
  })

  it('when a known name (the asker profile) appears bare, then it is removed wherever it is', () => {
    expect(scrubPersonalData('张伟的护照办好了吗？张伟', { names: ['张伟'] })).toEqual({
      text: `${NAME}的护照办好了吗？${NAME}`,
      removed: { idNumbers: 0, phones: 0, names: 2 },
      found: [],
    })
  })

  it('when a name is given by cue in the question, then it is also removed where the answer uses it bare', () => {
    const r = scrubFaq({ question: '我叫周杰，能代办吗？', answer: '周杰您好，可以代办。' })
    expect(r).toEqual({
      question: `我叫${NAME}，能代办吗？`,
      answer: `${NAME}您好，可以代办。`,
      removed: { idNumbers: 0, phones: 0, names: 2 },
    })
  })

  it.each([['+86 139-1234-5678'], ['139 1234 5678'], ['110101800101123'], ['110101 19800101 1234']])(
    'when a number is written as %s, then the FAQ removes it wholly (the finders are the ones redact() masks with)',
    (n) => {
      expect(scrubPersonalData(`号码${n}。`).text).not.toMatch(/\d{4}/)
    },
  )

  it('when names are given by cue, then namesByCue lists them (the logger masks them)', () => {
    expect(namesByCue('我叫张伟，我儿子张小明的护照')).toEqual(['张伟', '张小明'])
  })

  it('when a name has no cue and is not known, then it stays (a documented limit: staff read the preview)', () => {
    expect(scrubPersonalData('张伟的护照办好了吗').text).toBe('张伟的护照办好了吗')
  })
})

describe('inquiry rules', () => {
  it.each([
    ['2026-09-30', '2026-10-08'],
    ['2026-10-01', '2026-10-08'],
    ['2026-10-09', '2026-10-10'],
    ['2026-09-21', '2026-09-22'],
  ])('when a question waits from %s, then the reply is due %s', (from, due) => {
    expect(replyDueDate(from, DEFAULT_INQUIRY_POLICY, workingDays)).toBe(due)
  })

  it.each([
    ['2026-10-03', 'ok'],
    ['2026-10-08', 'near'],
    ['2026-10-09', 'overdue'],
  ])('when today is %s and the reply is due 2026-10-08, then the level is %s', (today, level) => {
    expect(dueLevel('2026-10-08', today, DEFAULT_INQUIRY_POLICY, workingDays)).toBe(level)
  })

  const none: InquiryStanding = { asker: false, owner: false, deptStaff: false, deptLead: false, supervisor: false }
  it.each([
    ['the asker of an open inquiry', { ...none, asker: true }, 'open', 0, ['sendMessage', 'addImage', 'resolve']],
    ['department staff of an open inquiry', { ...none, deptStaff: true }, 'open', 0, ['claim']],
    [
      'the owner after a reply',
      { ...none, deptStaff: true, owner: true },
      'answered',
      1,
      ['sendMessage', 'transfer', 'close', 'publishFaq'],
    ],
    ['the lead of a claimed inquiry', { ...none, deptStaff: true, deptLead: true }, 'claimed', 0, ['reassign', 'close']],
    ['a supervisor', { ...none, supervisor: true }, 'claimed', 1, ['reassign']],
    ['the asker after the end', { ...none, asker: true }, 'closed', 1, ['rate']],
  ])('when %s looks, then the buttons are %j', (_who, standing, state, staffReplies, actions) => {
    expect(allowedInquiryActions(standing, { state: state as InquiryState, staffReplies, rated: false, images: 0 })).toEqual(actions)
  })

  it('when a citizen types, then the FAQ entries sharing the most words come first and unrelated ones not at all', () => {
    const entries = [
      { question: '护照过期了怎么换发？', answer: '携带身份证和旧护照到出入境窗口。' },
      { question: '营业执照怎么注销？', answer: '先清税再注销。' },
      { question: '护照丢了怎么补办？', answer: '先挂失再补发护照。' },
    ]
    expect(rankFaqs('护照过期换发', entries).map((e) => e.question)).toEqual(['护照过期了怎么换发？', '护照丢了怎么补办？'])
    expect(faqMatchScore('户口迁移', entries[1])).toBe(0)
  })
})
