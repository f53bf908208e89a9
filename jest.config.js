/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/__tests__'],
  testMatch: ['**/*.test.ts'],
  globalSetup: '<rootDir>/__tests__/helpers/global-setup.ts',
  testSequencer: '<rootDir>/__tests__/helpers/sequencer.js',
  // swc strips types without type-checking: fast. `npm run typecheck` checks types once.
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
  testTimeout: 60000,
  // Two workers on the two-core machines this runs on (jest's default leaves one core idle).
  maxWorkers: 2,
};
