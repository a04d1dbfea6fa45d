/**
 * Copies the AppID from deploy.config.json (the one documented place for AppID and cloud env id)
 * into project.config.json, which WeChat DevTools reads; every other field is kept as it is.
 * The cloud env id is not written here: config/index.ts injects it into the app as CLOUD_ENV.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

const root = resolve(__dirname, '..')
const deployPath = join(root, 'deploy.config.json')
const projectPath = join(root, 'project.config.json')

export function syncProjectConfig(): { appid: string; changed: boolean } {
  const deploy = JSON.parse(readFileSync(deployPath, 'utf8')) as { appid?: unknown }
  if (typeof deploy.appid !== 'string' || !/^(wx[0-9a-f]{16}|touristappid)$/.test(deploy.appid)) {
    throw new Error(
      `deploy.config.json: "appid" must be an AppID like wx0123456789abcdef (or touristappid), got ${JSON.stringify(deploy.appid)}`,
    )
  }
  const before = readFileSync(projectPath, 'utf8')
  const project = JSON.parse(before) as Record<string, unknown>
  project.appid = deploy.appid
  const after = `${JSON.stringify(project, null, 2)}\n`
  if (after !== before) writeFileSync(projectPath, after)
  return { appid: deploy.appid, changed: after !== before }
}

if (require.main === module) {
  const { appid, changed } = syncProjectConfig()
  console.log(`project.config.json: appid ${appid}${changed ? ' (updated)' : ' (unchanged)'}`)
}
