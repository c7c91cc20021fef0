export * from './envelope';
export * from './vocabulary';
export * from './catalogue';
export * from './consumers';
export * from './validate-event';
export * from './events/directory.events';
export * from './events/governance.events';
export * from './events/needs.events';
