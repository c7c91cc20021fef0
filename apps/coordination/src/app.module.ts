import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { MessagingModule } from '@styrkedjan/messaging';
import { PlatformModule } from '@styrkedjan/platform';
import { ReferenceDataModule } from '@styrkedjan/reference-data';
import { CoordinationModule } from './coordination/coordination.module';
import { coordinationDatabase } from './database/coordination.database';

/**
 * Coordination across agencies: overlaps between drafts, and with needs assigned to another agency; the release
 * calendar per audience and its collisions. It learns everything from events into its own projections.
 */
@Module({
  imports: [
    PlatformModule.forService('coordination', coordinationDatabase),
    MessagingModule.forService(),
    CqrsModule.forRoot(),
    ReferenceDataModule.forRoot({ organisations: true, areas: true }),
    CoordinationModule,
  ],
})
export class AppModule {}
