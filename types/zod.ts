// The one place that imports zod. The WeChat mini-program runtime forbids `new Function` and
// `eval`, which zod uses for its fast object parser unless jitless mode is set, so every schema
// module imports `z` from here and this config runs before any schema is built.
import { z } from 'zod'
import zhCN from 'zod/v4/locales/zh-CN.js'

z.config({ jitless: true, ...zhCN() })

export { z }
