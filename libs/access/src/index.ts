export * from './policy';
export * from './permission-matrix';
export * from './endpoints';
export * from './operator';
