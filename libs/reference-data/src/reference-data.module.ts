import { DynamicModule, Module, Provider } from '@nestjs/common';
import { KnownAreaConsumer, KnownOrganisationConsumer } from './reference-consumers';
import { References } from './references';

/**
 * A service's projection of the directory: the areas and/or organisations it must check references
 * against. Only the kinds asked for get consumers, matching the service's subscriptions.
 */
@Module({})
export class ReferenceDataModule {
  static forRoot(keep: { areas?: boolean; organisations?: boolean }): DynamicModule {
    const consumers: Provider[] = [
      ...(keep.areas ? [KnownAreaConsumer] : []),
      ...(keep.organisations ? [KnownOrganisationConsumer] : []),
    ];
    return { module: ReferenceDataModule, global: true, providers: [References, ...consumers], exports: [References] };
  }
}
