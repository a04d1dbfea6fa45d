import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { renderApiDocs } from './api-docs'

const file = join(__dirname, '..', 'docs', 'api.md')
writeFileSync(file, renderApiDocs())
console.log(`已生成 ${file}`)
