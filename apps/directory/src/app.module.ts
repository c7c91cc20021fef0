import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { MessagingModule } from '@styrkedjan/messaging';
import { PlatformModule } from '@styrkedjan/platform';
import { directoryDatabase } from './database/directory.database';
import { DirectoryModule } from './directory/directory.module';

/**
 * The directory: who is in the governance chain (organisations) and the shared vocabulary of knowledge
 * areas. It is the source of both; other services keep their own copies from its events.
 */
@Module({
  imports: [
    PlatformModule.forService('directory', directoryDatabase),
    MessagingModule.forService(),
    CqrsModule.forRoot(),
    DirectoryModule,
  ],
})
export class AppModule {}
