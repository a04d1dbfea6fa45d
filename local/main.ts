/**
 * `npm start`'s last step: run the local cloud in the foreground until Ctrl-C.
 * PORT (default 8787), DATA_DIR (default <repo>/.data) and HOST (default 127.0.0.1) come from the
 * environment; DEV_LOGIN=0 turns the dev login off (required for HOST=0.0.0.0).
 */
import './netguard' // first: nothing started below may reach the internet
import { join, resolve } from 'node:path'
import { startLocalCloud, type LocalCloudOptions } from './index'

const repoRoot = resolve(__dirname, '..')

export async function runFromCli(opts: Omit<LocalCloudOptions, 'port' | 'dataDir' | 'host'>): Promise<void> {
  const port = process.env.PORT ? Number(process.env.PORT) : 8787
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT 不合法: ${process.env.PORT}`)
  const dataDir = process.env.DATA_DIR ? resolve(process.env.DATA_DIR) : join(repoRoot, '.data')
  const host = process.env.HOST || '127.0.0.1'
  const devLogin = opts.devLogin ?? process.env.DEV_LOGIN !== '0'
  const log = opts.log ?? ((line: string) => console.log(line))

  const cloud = await startLocalCloud({ ...opts, port, host, dataDir, devLogin, log })
  console.log(`本地云已启动: ${cloud.url}`)
  if (opts.boardDir) console.log(`  大厅公示屏: ${cloud.url}/board/（1920×1080 全屏打开，见 README「Hall display board」）`)
  console.log(`  数据目录: ${dataDir}（删除它即可重置为演示数据）`)
  if (devLogin && opts.personas?.length) {
    console.log('  开发登录身份（页面上可切换）:')
    const width = Math.max(...opts.personas.map((p) => p.key.length))
    for (const p of opts.personas) console.log(`    ${p.key.padEnd(width)}  ${p.label}（${p.role}） OPENID=${p.openid}`)
  }
  console.log('  按 Ctrl+C 停止')

  let stopping = false
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      // A second Ctrl-C means "now": every acknowledged write is already in the op log.
      process.exit(130)
    }
    stopping = true
    console.log(`\n收到 ${signal}，正在停止本地云…`)
    cloud.close().then(
      () => process.exit(0),
      (e) => {
        console.error(e)
        process.exit(1)
      },
    )
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}
