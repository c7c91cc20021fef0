import { Module } from '@nestjs/common';
import { DeadLettersController } from './api/dead-letters.controller';
import { GatewayMetricsController } from './api/metrics.controller';
import { QueueBoard } from './queue-board/queue-board';
import { QueueBoardController } from './queue-board/queue-board.controller';

@Module({
  controllers: [DeadLettersController, GatewayMetricsController, QueueBoardController],
  providers: [QueueBoard],
})
export class AdminModule {}
