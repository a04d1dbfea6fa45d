/** The hall's sign-in code for tests: a display registered once by the admin, and its current code. */
import { staffContract } from '../../types/contracts'
import { dataOf } from './calls'
import { apiOf, type TestCloud } from './cloud'
import { ADMIN } from './demo'

export function hallCodeKit(cloud: () => TestCloud) {
  const staff = apiOf(cloud, staffContract)
  let token: string | undefined
  return {
    /** The registered display's token (registered on first use). */
    async token(): Promise<string> {
      token ??= dataOf(await staff({ action: 'registerDisplay', name: '测试签到屏' }, ADMIN)).token
      return token
    },
    /** The code the hall's screen shows now (the functions' clock), fetched as the display does, without an OPENID. */
    async code(): Promise<string> {
      return dataOf(await staff({ action: 'hallCode', token: await this.token() })).code
    },
  }
}
