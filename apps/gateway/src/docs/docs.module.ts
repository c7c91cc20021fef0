import { Module } from '@nestjs/common';
import { ApiDocs } from './api-docs.service';

@Module({ providers: [ApiDocs], exports: [ApiDocs] })
export class DocsModule {}
