import 'reflect-metadata';
import { runService } from '@styrkedjan/platform';
import { AppModule } from './app.module';

void runService(AppModule, 'pipeline');
