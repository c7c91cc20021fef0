export * from './eventually';
export * from './test-system';
export * from './test-identity-provider';
