import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { MessagingModule } from '@styrkedjan/messaging';
import { PlatformModule } from '@styrkedjan/platform';
import { ReferenceDataModule } from '@styrkedjan/reference-data';
import { needsDatabase } from './database/needs.database';
import { NeedsModule } from './needs/needs.module';

/** Knowledge needs (kunskapsbehov): registered by those who meet them, followed until a support answers them. */
@Module({
  imports: [
    PlatformModule.forService('needs', needsDatabase),
    MessagingModule.forService(),
    CqrsModule.forRoot(),
    ReferenceDataModule.forRoot({ areas: true }),
    NeedsModule,
  ],
})
export class AppModule {}
