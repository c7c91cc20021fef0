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

  /** Every dependency this process needs answers (PostgreSQL, Redis, ...). */
  @Get('ready')
  async ready(@Res() reply: FastifyReply) {
    const { ready, checks } = await this.readiness.check();
    if (ready) {
      await reply.status(HttpStatus.OK).send({ status: 'ok', checks });
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
