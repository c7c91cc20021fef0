import { Module } from '@nestjs/common';
import { DeadLettersController } from './api/dead-letters.controller';

@Module({ controllers: [DeadLettersController] })
export class AdminModule {}
