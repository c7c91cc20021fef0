import { DynamicModule, Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { ConsumerHost } from './consumer-host';
import { DeadLetters } from './dead-letters';
import { OutboxRelay } from './outbox-relay';
import { ConsumerReconciler } from './reconciliation/consumer-reconciler';
import { OutboxFeed } from './reconciliation/outbox-feed';
import { OutboxFeedController } from './reconciliation/outbox-feed.controller';
import { ReconciliationMetrics } from './reconciliation/reconciliation-metrics';
import { MessagingMetrics } from './messaging-metrics';
import { EventTransport } from './transport';
import { UnitOfWork } from './unit-of-work';

@Global()
@Module({})
export class MessagingModule {
  /**
   * For a service with a database: unit of work, outbox relay, its queue's consumers, and reconciliation
   * (its outbox's feed for the services that consume from it; its own check against its producers).
   */
  static forService(): DynamicModule {
    return {
      module: MessagingModule,
      imports: [DiscoveryModule],
      controllers: [OutboxFeedController],
      providers: [
        EventTransport,
        UnitOfWork,
        OutboxRelay,
        ConsumerHost,
        OutboxFeed,
        ConsumerReconciler,
        ReconciliationMetrics,
        MessagingMetrics,
      ],
      exports: [EventTransport, UnitOfWork, OutboxRelay, ConsumerHost, ReconciliationMetrics, MessagingMetrics],
    };
  }

  /** For the gateway: only the queues, to list and re-drive dead letters and to watch their depth. */
  static forOperator(): DynamicModule {
    return {
      module: MessagingModule,
      providers: [EventTransport, DeadLetters, MessagingMetrics],
      exports: [EventTransport, DeadLetters, MessagingMetrics],
    };
  }
}
