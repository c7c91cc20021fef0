import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { MessagingModule } from '@styrkedjan/messaging';
import { PlatformModule } from '@styrkedjan/platform';
import { ReferenceDataModule } from '@styrkedjan/reference-data';
import { supportsDatabase } from './database/supports.database';
import { SupportsModule } from './supports/supports.module';

/** Knowledge supports (kunskapsstöd): drafted by agencies against known needs, then published. */
@Module({
  imports: [
    PlatformModule.forService('supports', supportsDatabase),
    MessagingModule.forService(),
    CqrsModule.forRoot(),
    // Areas to validate areaCode and give the sector; organisations to validate co-producers; the vocabularies a
    // draft's product type and target groups come from.
    ReferenceDataModule.forRoot({ areas: true, organisations: true, targetGroups: true, productTypes: true }),
    SupportsModule,
  ],
})
export class AppModule {}
