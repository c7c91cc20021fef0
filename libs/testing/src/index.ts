export * from './eventually';
export * from './test-system';
export * from './free-port';
export * from './test-identity-provider';
export * from './test-database';
export * from './throwaway-database';
export * from './service-testbed';
