import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { PROBLEM_CONTENT_TYPE } from '../http/problem-details.filter';
import { Readiness } from './readiness';

@ApiExcludeController()
@Controller('health')
export class HealthController {
  constructor(private readonly readiness: Readiness) {}

  /** The process is up and its event loop answers. */
  @Get('live')
  live() {
    return { status: 'ok' };
  }

  /**
   * Every dependency this process needs answers (PostgreSQL, ...): 200 with status `ok`, or `degraded` when
   * one it can do without for a while does not (the queues: writes are kept in the outbox until they are back).
   */
  @Get('ready')
  async ready(@Res() reply: FastifyReply) {
    const { ready, status, checks } = await this.readiness.check();
    if (ready) {
      await reply.status(HttpStatus.OK).send({ status, checks });
      return;
    }
    await reply
      .status(HttpStatus.SERVICE_UNAVAILABLE)
      .type(PROBLEM_CONTENT_TYPE)
      .send(
        JSON.stringify({ type: 'about:blank', title: 'Service unavailable', status: 503, detail: 'not ready', checks }),
      );
  }
}
