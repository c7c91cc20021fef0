import { ApiProperty } from '@nestjs/swagger';
import { SubscriptionsView } from '../views/subscriptions.view';

export class SubscriptionsResponse implements SubscriptionsView {
  @ApiProperty({ format: 'uuid' }) organisationId: string;
  @ApiProperty({ type: [String], description: 'The area codes followed, sorted' }) areaCodes: string[];
}
