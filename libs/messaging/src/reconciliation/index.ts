export * from './outbox-feed';
export * from './outbox-feed.query.dto';
export * from './outbox-feed.controller';
export * from './outbox-feed.client';
export * from './reconciliation-metrics';
export * from './consumer-reconciler';
export * from './reconciliation-tables.migration';
