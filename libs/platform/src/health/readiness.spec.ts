import { Readiness } from './readiness';

describe('readiness', () => {
  const up = async () => undefined;
  const down = async () => {
    throw new Error('connection refused');
  };

  it('is ok when every check answers', async () => {
    const readiness = new Readiness();
    readiness.register('postgres', up);
    readiness.register('queues', up, { essential: false });
    expect(await readiness.check()).toEqual({
      ready: true,
      status: 'ok',
      checks: { postgres: 'up', queues: 'up' },
    });
  });

  it('is degraded but ready when only a check that is not essential fails, or one says degraded', async () => {
    const readiness = new Readiness();
    readiness.register('postgres', up);
    readiness.register('queues', down, { essential: false });
    readiness.register('needs', async () => 'degraded');
    expect(await readiness.check()).toEqual({
      ready: true,
      status: 'degraded',
      checks: { postgres: 'up', queues: 'down: connection refused', needs: 'degraded' },
    });
  });

  it('is not ready when an essential check fails or does not answer in time', async () => {
    const readiness = new Readiness();
    readiness.register('postgres', () => new Promise<void>(() => undefined));
    readiness.register('queues', down, { essential: false });
    const result = await readiness.check(50);
    expect(result.ready).toBe(false);
    expect(result.status).toBe('down');
    expect(result.checks.postgres).toBe('down: no answer within 50 ms');
  });
});
