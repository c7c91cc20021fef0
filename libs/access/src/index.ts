export * from './policy';
export * from './permission-matrix';
