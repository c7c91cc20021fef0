import { DynamicModule, Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { ConsumerHost } from './consumer-host';
import { DeadLetters } from './dead-letters';
import { OutboxRelay } from './outbox-relay';
import { EventTransport } from './transport';
import { UnitOfWork } from './unit-of-work';

@Global()
@Module({})
export class MessagingModule {
  /** For a service with a database: unit of work, outbox relay and its queue's consumers. */
  static forService(): DynamicModule {
    return {
      module: MessagingModule,
      imports: [DiscoveryModule],
      providers: [EventTransport, UnitOfWork, OutboxRelay, ConsumerHost],
      exports: [EventTransport, UnitOfWork, OutboxRelay, ConsumerHost],
    };
  }

  /** For the gateway: only the queues, to list and re-drive dead letters. */
  static forOperator(): DynamicModule {
    return {
      module: MessagingModule,
      providers: [EventTransport, DeadLetters],
      exports: [EventTransport, DeadLetters],
    };
  }
}
