import 'reflect-metadata';
import { runService } from '@styrkedjan/platform';
import { AppModule } from './app.module';

// Not awaited: a service that cannot start rejects, and the unhandled rejection stops the process with its error.
void runService(AppModule, 'coordination');
