import { Controller, Get, Query } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { OutboxFeed } from './outbox-feed';
import { OutboxEventsQuery, PublishedEventsQuery } from './outbox-feed.query.dto';

/**
 * A producer's record of what it published, for the services that consume its events to reconcile
 * against. Internal: the gateway routes no path here, and it is left out of the API documents.
 */
@ApiExcludeController()
@Controller('outbox')
export class OutboxFeedController {
  constructor(private readonly feed: OutboxFeed) {}

  /** Ids of the events a consumer subscribes to, in publishing order, after a cursor. */
  @Get('published')
  published(@Query() query: PublishedEventsQuery) {
    return this.feed.published(query.consumer, query.after, query.limit, query.olderThanMs);
  }

  /** Whole envelopes, for the few events a consumer found it had not processed. */
  @Get('events')
  async events(@Query() query: OutboxEventsQuery) {
    return { items: await this.feed.events(query.ids) };
  }
}
