import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { MessagingModule } from '@styrkedjan/messaging';
import { PlatformModule } from '@styrkedjan/platform';
import { ReferenceDataModule } from '@styrkedjan/reference-data';
import { ConsultationsConfigModule } from './config/consultations.config';
import { ConsultationsModule } from './consultations/consultations.module';
import { consultationsDatabase } from './database/consultations.database';

/** Consultation (remiss): rounds on a draft support, the consultees' responses, and the lead agency's answers. */
@Module({
  imports: [
    PlatformModule.forService('consultations', consultationsDatabase),
    MessagingModule.forService(),
    CqrsModule.forRoot(),
    ConsultationsConfigModule.forRoot(),
    ReferenceDataModule.forRoot({ organisations: true }),
    ConsultationsModule,
  ],
})
export class AppModule {}
