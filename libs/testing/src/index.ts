export * from './eventually';
export * from './test-system';
