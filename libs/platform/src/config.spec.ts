import { ConfigError, parseConfig, parseLauncherConfig } from './config';

describe('configuration', () => {
  const database = { DATABASE_URL: 'postgres://postgres@db:5432/styrkedjan' };

  it('gives every variable its default, and leaves the database and Redis unset unless given', () => {
    const config = parseLauncherConfig({});
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.REDIS_URL).toBeUndefined();
    expect(config.EMBEDDED_POSTGRES_DIR).toBeUndefined();
    expect(config.EMBEDDED_POSTGRES_PORT).toBe(54320);
    expect(config.serviceUrls.gateway).toBe('http://127.0.0.1:3000');
  });

  it('stops a service without DATABASE_URL with a message naming it', () => {
    expect(() => parseConfig({})).toThrow(ConfigError);
    expect(() => parseConfig({})).toThrow(/DATABASE_URL: required/);
    expect(parseConfig(database).DATABASE_URL).toBe(database.DATABASE_URL);
  });

  it.each([
    ['DATABASE_URL', 'mysql://db/x'],
    ['REDIS_URL', 'http://cache'],
    ['QUEUE_POOL_SIZE', '1'],
    ['EMBEDDED_POSTGRES_PORT', '70000'],
    ['SERVICE_ROLES', 'relay,cook'],
    ['NODE_ENV', 'staging'],
    ['RECONCILE_INTERVAL_MS', '100'],
    ['RECONCILE_GRACE_MS', 'soon'],
    ['RECONCILE_BATCH_SIZE', '0'],
  ])('names %s when its value is wrong', (name, value) => {
    expect(() => parseLauncherConfig({ ...database, [name]: value })).toThrow(new RegExp(`${name}`));
  });
});

describe('per-service defaults', () => {
  const database = { DATABASE_URL: 'postgres://postgres@db:5432/styrkedjan' };

  it('gives the batching consumers (pipeline, supports) bigger batches in flight unless the environment says otherwise', () => {
    expect(parseConfig(database, 'pipeline').CONSUMER_CONCURRENCY).toBe(64);
    expect(parseConfig(database, 'supports').CONSUMER_CONCURRENCY).toBe(64);
    expect(parseConfig(database, 'needs').CONSUMER_CONCURRENCY).toBe(16);
    expect(parseConfig({ ...database, CONSUMER_CONCURRENCY: '8' }, 'pipeline').CONSUMER_CONCURRENCY).toBe(8);
  });
});
