/**
 * The masked case view (supervisors) walks every application form of the demo catalogue: each
 * field's value, whatever its type, the mail delivery and the applicant reach the supervisor
 * masked; the applicant and the department's staff see them whole.
 */
import type { TestCloud } from '../support/cloud'
import { clearFakeNow, setBeijingNow } from '../support/clock'
import { idNumberFor, newRequestId } from '../support/people'
import { matters } from '../../local/seed/matters'
import type { FormField } from '../../types/domain/matter-form'
import { maskFormValue } from '../../types/domain/masking'
import { caseClient, jpeg, PASSPORT_FEE, startCaseCloud, SUPERVISOR } from '../support/case'
import { dataOf } from '../support/calls'

let t: TestCloud
let c: ReturnType<typeof caseClient>

beforeAll(async () => {
  setBeijingNow('2026-09-21', '09:00')
  t = await startCaseCloud()
  c = caseClient(t)
})
afterAll(async () => {
  clearFakeNow()
  await t?.close()
})

const FORMS = matters.filter((m) => m.formFields?.length)
const PERSONAL: ReadonlyArray<FormField['type']> = ['text', 'textarea', 'idNumber', 'phone', 'date']

/** A valid value per field, distinct per field, so each can be looked for in the answer. */
function sampleOf(f: FormField, i: number): string | number {
  switch (f.type) {
    case 'text':
    case 'textarea':
      return '甲乙丙丁戊己庚辛'.slice(i % 4, (i % 4) + Math.min(f.maxLength ?? 50, 4)) + '壹贰叁肆伍陆柒捌'[i % 8]
    case 'idNumber':
      return idNumberFor(700 + i)
    case 'phone':
      return `1370000${String(1000 + i)}`
    case 'date':
      return `2019-0${1 + (i % 9)}-1${i % 10}`
    case 'number':
      return Math.max(f.min ?? 1, 1)
    case 'select':
      return f.options![i % f.options!.length]
  }
}
const formOf = (fields: readonly FormField[]) => Object.fromEntries(fields.map((f, i) => [f.key, sampleOf(f, i)]))

const APPLICANT = (seq: number) => ({
  name: '周秀英',
  idNumber: idNumberFor(seq),
  phone: '13512345678',
  address: '山西省运城市绛县古绛镇幸福路8号',
})
const MAIL = { method: 'mail', recipient: '周建华', phone: '13687654321', address: '山西省运城市绛县城关镇迎宾路18号' } as const

describe('every field of every demo form, by field type (pure)', () => {
  it.each(FORMS.flatMap((m) => m.formFields!.map((f, i) => [m.id, f.key, f.type, f, i] as const)))(
    'when %s.%s (%s) is masked, then a personal value is not shown whole',
    (_m, _k, type, f, i) => {
      const value = sampleOf(f, i)
      const masked = maskFormValue(f, value)
      if (PERSONAL.includes(type)) {
        expect(String(masked)).not.toBe(String(value))
        expect(String(masked)).toContain('*')
      } else expect(masked).toBe(value)
    },
  )
})

describe('the supervisor’s case view of every online form in the demo catalogue', () => {
  const online = FORMS.filter((m) => m.flags.onlineApplication)
  let seq = 600

  it.each(online.map((m) => [m.id, m] as const))(
    'when a supervisor opens a submitted %s case, then the form, the delivery and the applicant are masked; its citizen and department see them whole',
    async (_id, m) => {
      const owner = `o-masking-${m.id}`
      const form = formOf(m.formFields!)
      const applicant = APPLICANT(seq++)
      const made = await c.ok(
        c.call({ action: 'createDraft', matterId: m.id, applicant, form, delivery: MAIL, requestId: newRequestId() }, owner),
      )
      for (const [i, mat] of m.materials.entries())
        if (mat.required && mat.uploadable) await c.ok(c.upload(made.caseId, i, jpeg(64, i), owner))
      await c.ok(c.act(made.caseId, 'submit', owner))

      const view = dataOf(await c.getCase(made.caseId, SUPERVISOR))
      const text = JSON.stringify(view)
      const personal = [
        ...m.formFields!.filter((f) => PERSONAL.includes(f.type)).map((f) => String(form[f.key])),
        applicant.name,
        applicant.idNumber,
        applicant.phone,
        applicant.address,
        MAIL.recipient,
        MAIL.phone,
        MAIL.address,
      ]
      for (const v of personal) expect(text).not.toContain(v)
      for (const f of m.formFields!) {
        if (PERSONAL.includes(f.type)) expect(String(view.form[f.key])).toContain('*')
        else expect(view.form[f.key]).toBe(form[f.key])
      }
      expect(view.delivery).toEqual({ method: 'mail', recipient: '周**', phone: '136****4321', address: '山西省运城市****' })
      expect(view.applicant).toMatchObject({ name: '周**', phone: '135****5678' })
      expect(view.applicant.idNumber).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/)

      const { data: staff } = await t.db
        .collection('staff')
        .where({ departmentId: m.departmentId, role: 'window_staff', active: true })
        .limit(1)
        .get()
      for (const who of [owner, staff[0].openid]) {
        const whole = dataOf(await c.getCase(made.caseId, who))
        expect(whole.form).toEqual(form)
        expect(whole.delivery).toEqual(MAIL)
      }
    },
  )

  it('when a mailed passport case is opened by a supervisor, then the mail address and the numbers in staff notes are masked too', async () => {
    const owner = 'o-masking-mailed'
    const passport = matters.find((m) => m.id === 'm-passport')!
    const made = await c.ok(
      c.call(
        {
          action: 'createDraft',
          matterId: passport.id,
          applicant: APPLICANT(650),
          form: formOf(passport.formFields!),
          delivery: MAIL,
          requestId: newRequestId(),
        },
        owner,
      ),
    )
    await c.ok(c.upload(made.caseId, 0, jpeg(64, 1), owner))
    await c.ok(c.act(made.caseId, 'submit', owner))
    const clerk = 'demo-staff-crj'
    await c.ok(c.act(made.caseId, 'startPreReview', clerk))
    await c.ok(c.act(made.caseId, 'accept', clerk, { note: '已电话联系申请人13512345678，身份证110101198001011234核验无误' }))
    await c.ok(c.act(made.caseId, 'startProcessing', clerk))
    await c.ok(c.act(made.caseId, 'approve', clerk, { fee: PASSPORT_FEE }))
    await c.ok(c.act(made.caseId, 'mail', clerk, { mail: { trackingNo: 'EM123456789CN' } }))

    const view = dataOf(await c.getCase(made.caseId, SUPERVISOR))
    expect(view.result!.mail).toEqual({ address: '山西省运城市****', trackingNo: 'EM123456789CN', carrier: 'EMS' })
    expect(view.timeline.find((e) => e.action === 'accept')!.note).toBe('已电话联系申请人135****5678，身份证110101********1234核验无误')
    const text = JSON.stringify(view)
    for (const v of [MAIL.address, '13512345678', '110101198001011234']) expect(text).not.toContain(v)
    expect(dataOf(await c.getCase(made.caseId, owner)).result!.mail!.address).toBe(MAIL.address)
  })
})
