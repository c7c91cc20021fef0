import { AnyEvent, ConsumerName } from '@styrkedjan/contracts';
import { ASSERTION_HEADER, ServiceAssertions } from '@styrkedjan/platform';
import { OutboxCursor, PublishedPage } from './outbox-feed';
import { MAX_FEED_EVENTS } from './outbox-feed.query.dto';

const TIMEOUT_MS = 10_000;

/**
 * A consumer's view of one producer's OutboxFeedController, over HTTP; each request carries an assertion signed as
 * the consuming service, for the producer, as the gateway's do for users' requests.
 */
export class OutboxFeedClient {
  constructor(
    readonly producer: string,
    private readonly baseUrl: string,
    private readonly consumingService: string,
    private readonly assertions: ServiceAssertions,
  ) {}

  published(consumer: ConsumerName, after: OutboxCursor, limit: number, olderThanMs: number): Promise<PublishedPage> {
    const query = new URLSearchParams({ consumer, after, limit: String(limit), olderThanMs: String(olderThanMs) });
    return this.get<PublishedPage>(`/outbox/published?${query.toString()}`);
  }

  async events(ids: readonly string[]): Promise<AnyEvent[]> {
    const events: AnyEvent[] = [];
    for (let start = 0; start < ids.length; start += MAX_FEED_EVENTS) {
      const query = new URLSearchParams({ ids: ids.slice(start, start + MAX_FEED_EVENTS).join(',') });
      events.push(...(await this.get<{ items: AnyEvent[] }>(`/outbox/events?${query.toString()}`)).items);
    }
    return events;
  }

  private async get<T>(path: string): Promise<T> {
    let response: Response;
    const assertion = this.assertions.sign({
      issuer: this.consumingService,
      audience: this.producer,
      method: 'GET',
      target: path,
      principal: null,
    });
    try {
      response = await fetch(`${this.baseUrl}${path}`, {
        headers: { accept: 'application/json', [ASSERTION_HEADER]: assertion },
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      // fetch says only "fetch failed"; the cause (ECONNREFUSED, a timeout) is what an operator needs.
      const { message, cause } = error as Error & { cause?: { code?: string } };
      throw new Error(`${this.producer} did not answer: ${cause?.code ?? message}`);
    }
    if (!response.ok) {
      throw new Error(`${this.producer} answered ${response.status}: ${(await response.text()).slice(0, 200)}`);
    }
    return (await response.json()) as T;
  }
}
