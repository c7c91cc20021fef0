import 'reflect-metadata';
import { runService } from '@styrkedjan/platform';
import { AppModule } from './app.module';
import { gatewayServiceOptions } from './service-options';

void runService(AppModule, 'gateway', gatewayServiceOptions);
