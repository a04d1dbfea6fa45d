/// <reference types="@tarojs/taro" />

/** Cloud environment id from deploy.config.json, injected by config/index.ts (defineConstants). */
declare const CLOUD_ENV: string

declare namespace NodeJS {
  interface ProcessEnv {
    /** Set by the Taro CLI at build time and replaced as a constant, so platform branches are tree-shaken. */
    TARO_ENV?: 'weapp' | 'h5' | 'swan' | 'alipay' | 'tt' | 'qq' | 'jd' | 'harmony-hybrid' | 'rn'
  }
}
