import { queueBackendKind } from './queue-backend';

describe('queue backend choice', () => {
  it('runs the queues on Redis when REDIS_URL is set, on PostgreSQL otherwise', () => {
    expect(queueBackendKind({ REDIS_URL: 'redis://127.0.0.1:6379' })).toBe('redis');
    expect(queueBackendKind({ REDIS_URL: undefined })).toBe('postgres');
  });
});
