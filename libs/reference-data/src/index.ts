export * from './known-area.entity';
export * from './known-organisation.entity';
export * from './known-vocabulary.entity';
export * from './vocabulary-at-migration';
export * from './reference-tables.migration';
export * from './reference-consumers';
export * from './references';
export * from './reference-data.module';
