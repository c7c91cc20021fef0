import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import Fastify, { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CONSUMER_NAMES } from '@styrkedjan/contracts';
import { EventTransport } from '@styrkedjan/messaging';

export const QUEUE_BOARD_PATH = '/admin/queues';

// Headers of the board's answers worth passing on; the gateway adds its own security headers.
const ANSWER_HEADERS = ['content-type', 'cache-control', 'etag', 'last-modified', 'location'];

/**
 * bull-board over every consumer queue, on both queue backends. It runs in a Fastify instance of its own that
 * never listens: the gateway's declared routes (and so its authentication and policy) are the only way in, and
 * hand each request to it with `inject`. Its mutating routes are passed on only when `isAllowedAction` says so.
 */
@Injectable()
export class QueueBoard implements OnApplicationShutdown {
  private board?: Promise<FastifyInstance>;

  constructor(private readonly transport: EventTransport) {}

  async answer(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const board = await (this.board ??= this.build());
    const answer = await board.inject({
      method: request.method as 'GET' | 'PUT',
      url: request.url,
      headers: { 'content-type': 'application/json', accept: request.headers.accept ?? '*/*' },
      ...(request.body === undefined ? {} : { payload: JSON.stringify(request.body) }),
    });
    for (const name of ANSWER_HEADERS) {
      const value = answer.headers[name];
      if (value !== undefined) void reply.header(name, value);
    }
    await reply.status(answer.statusCode).send(answer.rawPayload);
  }

  async onApplicationShutdown(): Promise<void> {
    await (await this.board)?.close();
  }

  private async build(): Promise<FastifyInstance> {
    const adapter = new FastifyAdapter().setBasePath(QUEUE_BOARD_PATH);
    createBullBoard({
      queues: CONSUMER_NAMES.map(
        (consumer) => new BullMQAdapter(this.transport.queue(consumer), { allowRetries: true }),
      ),
      serverAdapter: adapter,
      options: { uiConfig: { boardTitle: 'Styrkedjan queues' } },
    });
    const board = Fastify({ logger: false });
    await board.register(adapter.registerPlugin(), { prefix: QUEUE_BOARD_PATH });
    await board.ready();
    return board;
  }
}

/**
 * The board's actions an operator may take: re-drives and holding a queue. Not adding jobs or changing their
 * data (that would forge events), nor emptying, cleaning or obliterating a queue (that would drop dead letters).
 */
export function isAllowedAction(path: string): boolean {
  const action = path.slice(`${QUEUE_BOARD_PATH}/api/queues/`.length);
  if (!path.startsWith(`${QUEUE_BOARD_PATH}/api/queues/`)) return false;
  return /^(?:pause|resume|[^/]+\/(?:pause|resume|promote|retry\/(?:failed|completed))|[^/]+\/[^/]+\/(?:retry|promote))$/.test(
    action.split('?', 1)[0],
  );
}
