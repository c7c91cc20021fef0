/**
 * The direction of dependencies, checked on every lint: apps -> libs, never app -> app;
 * contracts -> nothing of ours; libs never reach into apps; testing only from tests.
 */
module.exports = {
  forbidden: [
    {
      name: 'no-app-to-other-app',
      comment: "Services talk through events and HTTP, never through each other's code.",
      severity: 'error',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/([^/]+)/', pathNot: '^apps/$1/' },
    },
    {
      name: 'libs-not-to-apps',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'contracts-depend-on-nothing-of-ours',
      severity: 'error',
      from: { path: '^libs/contracts/' },
      to: { path: '^(apps|libs/(?!contracts/))' },
    },
    {
      name: 'platform-below-messaging',
      comment: 'platform is the lowest shared layer after contracts.',
      severity: 'error',
      from: { path: '^libs/platform/' },
      to: { path: '^libs/(messaging|reference-data|testing)/' },
    },
    {
      name: 'testing-only-from-tests',
      comment: 'Tests are the specs and the *.testbed.ts set-ups that several specs of one service share.',
      severity: 'error',
      from: { path: '^(apps|libs/(?!testing/))', pathNot: '([.-]spec|\\.testbed)\\.ts$' },
      to: { path: '^libs/testing/' },
    },
    {
      name: 'domain-is-plain',
      comment: 'Domain rules import no framework and no database.',
      severity: 'error',
      from: { path: '/domain/' },
      to: { path: 'node_modules/(@nestjs|typeorm|bullmq|ioredis|pg)/' },
    },
    {
      name: 'domain-uses-only-contracts-and-domain-errors',
      comment: 'A domain knows the event vocabulary and the one family of domain errors, nothing else of ours.',
      severity: 'error',
      from: { path: '/domain/' },
      to: { path: '^libs/', pathNot: '^libs/(contracts/|platform/src/errors/)' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^dist/|-spec\\.ts$)' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
  },
};
