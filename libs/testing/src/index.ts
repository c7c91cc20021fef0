export * from './eventually';
export * from './test-system';
export * from './free-port';
