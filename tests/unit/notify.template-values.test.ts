import { cut, formatNotification, formatValue, templateData, TemplateValueError } from '../../types/domain/template-format'
import { EVENT_TEMPLATE, resolveOaTemplates, resolveTemplates, TEMPLATES, VALUE_TYPES } from '../../types/domain/templates'
import { PUSH_EVENTS } from '../../types/domain/notification'

const han = (n: number) => '政务服务中心办理事项名称预约护照签发营业执照登记不动产'.repeat(3).slice(0, n)
const cps = (s: string) => Array.from(s).length
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/

describe('thing: at most 20 characters, cut with …', () => {
  it.each([
    ['20 Han characters', han(20), han(20)],
    ['21 Han characters', han(21), `${han(19)}…`],
    ['a long matter name', '出入境管理：中华人民共和国普通护照签发（首次申领，含未成年人）', '出入境管理：中华人民共和国普通护照签发…'],
    ['line breaks and tabs', '请携带\n身份证\t原件', '请携带 身份证 原件'],
    ['nothing', undefined, '无'],
  ])('when the text is %s, then it is within the limit', (_label, raw, expected) => {
    const v = formatValue('thing', raw)
    expect(v).toBe(expected)
    expect(cps(v)).toBeLessThanOrEqual(20)
  })

  it('when the cut falls inside an emoji or a joined sequence, then no half character is left', () => {
    for (const tail of ['😀😀😀', '👨‍👩‍👧‍👦👨‍👩‍👧', '𠀀𠀁𠀂𠀃', 'é́é́é́']) {
      for (let lead = 15; lead <= 20; lead++) {
        const v = formatValue('thing', han(lead) + tail)
        expect(cps(v)).toBeLessThanOrEqual(20)
        expect(v).not.toMatch(LONE_SURROGATE)
        // A joiner, a variation selector or a combining mark, each on its own, right before the ellipsis.
        expect(v).not.toMatch(/(?:\u200d|\ufe0f|\u0301)…$/)
      }
    }
  })
})

describe('phrase: at most 5 Han characters, nothing else', () => {
  it.each([
    ['5 Han characters', '审批已通过', '审批已通过'],
    ['6 Han characters', '审批已经通过', '审批已经通'],
    ['Han with letters and symbols', '已受理OK！', '已受理'],
  ])('when the phrase is %s, then it is Han only, within 5', (_label, raw, expected) => {
    expect(formatValue('phrase', raw)).toBe(expected)
  })

  it('when the phrase has no Han character, then it cannot be sent', () => {
    expect(() => formatValue('phrase', 'OK')).toThrow(TemplateValueError)
  })
})

describe('name: 10 Han characters, or 20 letters and symbols', () => {
  it.each([
    ['10 Han characters', han(10), han(10)],
    ['11 Han characters', han(11), han(10)],
    ['a minority name with ·', '阿卜杜热合曼·买买提江·艾力', '阿卜杜热合曼·买买提'],
    ['a mixed name, counted as Han', '张Wei张Wei张Wei张Wei', '张Wei张Wei张W'],
    ['20 letters', 'A'.repeat(20), 'A'.repeat(20)],
    ['21 letters', 'A'.repeat(21), 'A'.repeat(20)],
    ['a masked name', '张*', '张*'],
  ])('when the name is %s, then it fits', (_label, raw, expected) => {
    expect(formatValue('name', raw)).toBe(expected)
  })
})

describe('character_string: 32 digits, letters or symbols', () => {
  it.each([
    ['32 characters', 'ZW' + '0'.repeat(30), 'ZW' + '0'.repeat(30)],
    ['33 characters', 'ZW' + '0'.repeat(31), 'ZW' + '0'.repeat(30)],
    ['Han mixed in', '办件编号ZW-2026-000123', 'ZW-2026-000123'],
    ['full-width characters', 'ＡＢ－１２３', 'AB-123'],
    ['only Han', '无编号', '-'],
  ])('when the code is %s, then it is ASCII within 32', (_label, raw, expected) => {
    expect(formatValue('character_string', raw)).toBe(expected)
  })
})

describe('number, letter, symbol', () => {
  it.each([
    ['number', 3, '3'],
    ['number', '12.50', '12.50'],
    ['number', '1,024', '1024'],
    ['number', '9'.repeat(32), '9'.repeat(32)],
    ['letter', 'abc中文DEF', 'abcDEF'],
    ['letter', 'a'.repeat(33), 'a'.repeat(32)],
    ['symbol', '※→↑中文', '※→↑'],
    ['symbol', '！＠＃％＆＊', '!@#%&'],
  ] as const)('when a %s is %p, then it is %p', (type, raw, expected) => {
    expect(formatValue(type, raw)).toBe(expected)
  })

  it.each([
    ['number', '三个'],
    ['number', '9'.repeat(33)],
    ['number', Number.NaN],
    ['letter', '中文123'],
    ['symbol', '中文abc'],
  ] as const)('when a %s is %p, then it cannot be sent', (type, raw) => {
    expect(() => formatValue(type, raw)).toThrow(TemplateValueError)
  })
})

describe('time and date: Beijing, 24-hour, Chinese date', () => {
  it.each([
    ['time', new Date('2026-09-28T16:05:00Z'), '2026年9月29日 00:05'],
    ['time', '2026-09-29 09:00-09:30', '2026年9月29日 09:00~09:30'],
    ['time', '2026-09-29 14:30', '2026年9月29日 14:30'],
    ['time', '2026-09-29T06:30:00.000Z', '2026年9月29日 14:30'],
    ['time', '15:01', '15:01'],
    ['time', '2026-10-08', '2026年10月8日'],
    ['date', '2026-10-01', '2026年10月1日'],
    ['date', new Date('2026-09-30T16:00:00Z'), '2026年10月1日'],
  ] as const)('when a %s is %p, then it reads %p', (type, raw, expected) => {
    expect(formatValue(type, raw)).toBe(expected)
  })

  it.each([
    ['time', '下午三点'],
    ['time', '25:00'],
    ['date', '15:01'],
    ['date', '2026-13-01'],
  ] as const)('when a %s is %p, then it cannot be sent', (type, raw) => {
    expect(() => formatValue(type, raw)).toThrow(TemplateValueError)
  })
})

describe('amount, phone_number, car_number', () => {
  it.each([
    ['amount', 12.5, '¥12.50'],
    ['amount', 0, '¥0'],
    ['amount', '￥1,200元', '¥1200'],
    ['amount', 9_999_999_999, '¥9999999999'],
    ['phone_number', '0766-66888866', '0766-66888866'],
    ['phone_number', '+86-0766-66888866', '+86-0766-66888866'],
    ['phone_number', '（0766）６６８８８８６６', '(0766)66888866'],
    ['car_number', '粤A8Z888挂', '粤A8Z888挂'],
    ['car_number', '粤a·8z888', '粤A8Z888'],
  ] as const)('when a %s is %p, then it reads %p', (type, raw, expected) => {
    expect(formatValue(type, raw)).toBe(expected)
  })

  it.each([
    ['amount', 12_345_678_901],
    ['amount', '免费'],
    ['phone_number', '+86-0766-668888661'],
    ['phone_number', '电话'],
    ['car_number', '粤A8Z888挂1'],
    ['car_number', '粤A中888'],
  ] as const)('when a %s is %p, then it cannot be sent', (type, raw) => {
    expect(() => formatValue(type, raw)).toThrow(TemplateValueError)
  })
})

describe('cut', () => {
  it('when text fits, then it is unchanged; when not, then the last kept character is …', () => {
    expect(cut('一二三', 3)).toBe('一二三')
    expect(cut('一二三四', 3)).toBe('一二…')
    expect(cut('一二三四', 3, false)).toBe('一二三')
  })
})

describe('templates and events', () => {
  it('when the keywords are declared, then each is a WeChat value type', () => {
    for (const spec of Object.values(TEMPLATES)) for (const f of Object.values(spec.fields)) expect(VALUE_TYPES).toContain(f.type)
  })

  it.each(PUSH_EVENTS)('when %s carries long Chinese data, then every keyword of its template is filled within its rule', (event) => {
    const long = han(40)
    const out = formatNotification(
      event,
      {
        matterName: long,
        place: long,
        time: '2026-09-29 09:00-09:30',
        code: 'AB23CD45',
        ticket: 'A012',
        ahead: 3,
        caseNo: 'ZW20260928000123',
        promisedDays: 20,
        items: 2,
        reason: long,
        topic: long,
        department: long,
      },
      new Date('2026-09-28T02:00:00Z'),
    )
    expect(out.templateKey).toBe(EVENT_TEMPLATE[event])
    expect(Object.keys(out.data).sort()).toEqual(Object.keys(TEMPLATES[out.templateKey].fields).sort())
    for (const [kw, { value }] of Object.entries(out.data)) {
      if (kw.startsWith('thing')) expect(cps(value)).toBeLessThanOrEqual(20)
      if (kw.startsWith('phrase')) expect(value).toMatch(/^[\u4e00-\u9fa5]{1,5}$/)
      if (kw.startsWith('character_string')) expect(value).toMatch(/^[\x21-\x7e]{1,32}$/)
    }
    expect(out.title.length).toBeGreaterThan(0)
  })

  it('when a booking is confirmed, then the template reads as the citizen expects', () => {
    expect(
      formatNotification(
        'booking.confirmed',
        { matterName: '普通护照签发', time: '2026-09-29 09:00-09:30', place: '政务服务中心二楼 3号窗口', code: 'AB23CD45' },
        new Date(),
      ).data,
    ).toEqual(
      templateData('booking_result', {
        thing1: '普通护照签发',
        time2: '2026-09-29 09:00-09:30',
        thing3: '政务服务中心二楼 3号窗口',
        character_string4: 'AB23CD45',
        phrase5: '预约成功',
      }),
    )
  })

  it('when the deployment gives ids and kinds, then they replace the placeholders; bad JSON keeps them', () => {
    const t = resolveTemplates('{"case_progress":{"id":"real-case-id","kind":"long_term"},"booking_result":"real-booking-id"}')
    expect(t.case_progress).toMatchObject({ templateId: 'real-case-id', kind: 'long_term' })
    expect(t.booking_result).toMatchObject({ templateId: 'real-booking-id', kind: 'one_time' })
    expect(resolveTemplates('{not json').queue_call).toMatchObject({ templateId: 'TPL_QUEUE_CALL', kind: 'one_time' })
  })

  it('when the deployment gives 服务号 templates, then only those keys go through the 服务号, with renames of real keywords only', () => {
    const t = resolveOaTemplates(
      '{"case_progress":"oa-case","queue_call":{"id":"oa-queue","fields":{"thing2":"thing7","nosuch9":"thing2","thing4":"bad key"}}}',
    )
    expect(Object.keys(t).sort()).toEqual(['case_progress', 'queue_call'])
    expect(t.case_progress).toEqual({ templateId: 'oa-case', rename: {} })
    expect(t.queue_call).toEqual({ templateId: 'oa-queue', rename: { thing2: 'thing7' } })
    expect(resolveOaTemplates('{not json')).toEqual({})
    expect(resolveOaTemplates('{"case_progress":"  "}')).toEqual({})
  })
})
