import { DynamicModule, Module, Provider } from '@nestjs/common';
import {
  KnownAreaConsumer,
  KnownOrganisationConsumer,
  KnownProductTypeConsumer,
  KnownTargetGroupConsumer,
} from './reference-consumers';
import { References } from './references';

/**
 * A service's projection of the directory: the areas, organisations, target groups and/or product types it must
 * check references against. Only the kinds asked for get consumers, matching the service's subscriptions.
 */
@Module({})
export class ReferenceDataModule {
  static forRoot(keep: {
    areas?: boolean;
    organisations?: boolean;
    targetGroups?: boolean;
    productTypes?: boolean;
  }): DynamicModule {
    const consumers: Provider[] = [
      ...(keep.areas ? [KnownAreaConsumer] : []),
      ...(keep.organisations ? [KnownOrganisationConsumer] : []),
      ...(keep.targetGroups ? [KnownTargetGroupConsumer] : []),
      ...(keep.productTypes ? [KnownProductTypeConsumer] : []),
    ];
    return { module: ReferenceDataModule, global: true, providers: [References, ...consumers], exports: [References] };
  }
}
