import { Controller, Get, INestApplication, Logger, Module, Req } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import { Logger as ServiceLogger } from 'nestjs-pino';
import type { ServiceName } from '../config';
import { ProblemDetailsFilter } from '../http/problem-details.filter';
import { correlationIdOf, readRequestContext } from '../http/request-context';
import { createLogger, runAsService, serviceLoggerModule } from './logger';

const written: string[] = [];
const logger = createLogger({ write: (line: string) => void written.push(line) });
const lines = (): Record<string, unknown>[] => written.map((line) => JSON.parse(line));

@Controller('probe')
class ProbeController {
  private readonly logger = new Logger('Probe');

  @Get()
  probe(@Req() request: FastifyRequest) {
    this.logger.warn('probing /x?api_key=s3cret for 19121212-1212');
    return { correlationId: readRequestContext(request).correlationId };
  }

  @Get('fail')
  fail(): never {
    throw new Error('refused Bearer abc.def.ghi');
  }
}

@Module({ imports: [serviceLoggerModule(logger)], controllers: [ProbeController] })
class ProbeModule {}

/** Two services in one process, as `npm start -- --one-process` runs them. */
const apps = new Map<ServiceName, INestApplication>();
const urls = new Map<ServiceName, string>();

beforeAll(async () => {
  for (const name of ['needs', 'supports'] as const) {
    await runAsService(name, async () => {
      const app = await NestFactory.create(ProbeModule, new FastifyAdapter({ genReqId: correlationIdOf }), {
        bufferLogs: true,
      });
      app.useLogger(app.get(ServiceLogger));
      app.useGlobalFilters(new ProblemDetailsFilter());
      await app.listen(0, '127.0.0.1');
      apps.set(name, app);
      urls.set(name, (await app.getUrl()).replace('[::1]', '127.0.0.1'));
    });
  }
});

afterAll(async () => {
  for (const app of apps.values()) await app.close();
});

describe('the service logger', () => {
  it('writes each line as one JSON object with level, time, service and message', () => {
    const started = lines().filter((line) => line.context === 'NestApplication');
    expect(started).toEqual([
      expect.objectContaining({ level: 'info', service: 'needs', message: 'Nest application successfully started' }),
      expect.objectContaining({ level: 'info', service: 'supports', message: 'Nest application successfully started' }),
    ]);
    expect(new Date(String(started[0].time)).toISOString()).toBe(started[0].time);
  });

  it("gives a line logged in a request that request's correlation id, its service, and masks", async () => {
    for (const name of ['needs', 'supports'] as const) {
      const response = await fetch(`${urls.get(name)}/probe`, { headers: { 'x-correlation-id': `probe-${name}` } });
      expect(await response.json()).toEqual({ correlationId: `probe-${name}` });
    }
    expect(lines().filter((line) => line.context === 'Probe')).toEqual([
      expect.objectContaining({ correlationId: 'probe-needs', service: 'needs', level: 'warn' }),
      expect.objectContaining({ correlationId: 'probe-supports', service: 'supports', level: 'warn' }),
    ]);
    expect(lines().find((line) => line.context === 'Probe')?.message).toBe(
      'probing /x?api_key=[redacted] for [redacted pin]',
    );
  });

  it('gives a request without a usable correlation id one, the same its commands see', async () => {
    written.length = 0;
    const response = await fetch(`${urls.get('needs')}/probe`, { headers: { 'x-correlation-id': 'not valid!' } });
    const { correlationId } = (await response.json()) as { correlationId: string };
    expect(correlationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(lines()).toEqual([expect.objectContaining({ context: 'Probe', correlationId })]);
  });

  it('masks stack traces', async () => {
    written.length = 0;
    expect((await fetch(`${urls.get('needs')}/probe/fail`)).status).toBe(500);
    const output = written.join('');
    expect(lines()).toEqual([expect.objectContaining({ level: 'error', context: 'Problem', service: 'needs' })]);
    expect(output).toContain('refused Bearer [redacted]');
    expect(output).toContain('at ProbeController.fail');
    expect(output).not.toContain('abc.def.ghi');
  });
});
