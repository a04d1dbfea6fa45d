/** One jest run for unit, function, local-cloud, weapp and browser tests (see scripts/test.ts for the order). */
module.exports = {
  testEnvironment: 'node',
  rootDir: __dirname,
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      { jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2022' }, module: { type: 'commonjs' } },
    ],
  },
  // No test may reach the internet: the guard refuses every non-loopback socket.
  setupFiles: ['<rootDir>/local/netguard.ts'],
  // zod's locale files are ES modules under a `.js` name; jest runs CommonJS, so take the `.cjs` twin.
  moduleNameMapper: { '^zod/v4/locales/(.*)\\.js$': '<rootDir>/node_modules/zod/v4/locales/$1.cjs' },
  testMatch: ['<rootDir>/tests/**/*.test.ts'],
  // Load tests (tests/load) race hundreds of calls through one local cloud: beside a full parallel
  // run they starve for CPU and the SDK's request timeout fires, so `npm test` runs them on their
  // own after the rest (JEST_LOAD=1, in band).
  testPathIgnorePatterns: [
    '/node_modules/',
    '/dist/',
    '/tests/local/fixtures/',
    ...(process.env.JEST_LOAD === '1' ? [] : ['/tests/load/']),
  ],
  testTimeout: 60_000,
}
