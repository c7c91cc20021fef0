// Unit tests run the TypeScript directly; system tests drive the built services (`npm run build`) as separate processes.
const swc = JSON.parse(require('node:fs').readFileSync(`${__dirname}/.swcrc`, 'utf8'));
delete swc.$schema;
// Without DATABASE_URL, the tiers that need PostgreSQL get an embedded one for the run.
const embeddedDatabase = {
  globalSetup: '<rootDir>/libs/testing/src/jest-global-setup.ts',
  globalTeardown: '<rootDir>/libs/testing/src/jest-global-teardown.ts',
};
// NestJS 12 ships ES modules only; Jest on Node 20 cannot require them, so they are compiled to CommonJS like our code.
const ESM_PACKAGES = [
  '@nestjs',
  'zod',
  'jose',
  'file-type',
  'strtok3',
  'token-types',
  'uint8array-extras',
  '@tokenizer',
  'load-esm',
  // The queue board: bull-board's Fastify adapter serves its assets with @fastify/static, and the gateway hands
  // it requests with Fastify's inject (light-my-request): their content-disposition and cookie are ESM.
  '@fastify/static',
  'content-disposition',
  'light-my-request',
  'cookie',
];
const shared = {
  transform: {
    '^.+\\.ts$': ['@swc/jest', { ...swc, swcrc: false }],
    '^.+\\.m?js$': ['@swc/jest', { module: { type: 'commonjs' }, jsc: { target: 'es2022' }, swcrc: false }],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_PACKAGES.join('|')})/)`],
  moduleFileExtensions: ['ts', 'js', 'json'],
  testEnvironment: 'node',
  moduleNameMapper: {
    '^@styrkedjan/platform/errors$': '<rootDir>/libs/platform/src/errors',
    '^@styrkedjan/(.*)$': '<rootDir>/libs/$1/src',
  },
};

module.exports = {
  // Generous for the system tests, which start the whole system; unit tests finish in milliseconds anyway.
  testTimeout: 120_000,
  projects: [
    {
      ...shared,
      displayName: 'unit',
      roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/scripts', '<rootDir>/test'],
      testMatch: ['**/*.spec.ts'],
    },
    // Against real PostgreSQL (and Redis when REDIS_URL is set): the messaging core and each command handler in the
    // test's own process, and one service as a process fed through its own queue.
    {
      ...shared,
      ...embeddedDatabase,
      displayName: 'integration',
      roots: ['<rootDir>/apps', '<rootDir>/libs'],
      testMatch: ['**/*.integration-spec.ts'],
    },
    {
      ...shared,
      ...embeddedDatabase,
      displayName: 'system',
      roots: ['<rootDir>/test'],
      testMatch: ['**/*.e2e-spec.ts'],
    },
  ],
};
