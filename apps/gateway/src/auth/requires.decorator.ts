import { SetMetadata } from '@nestjs/common';
import type { Action } from '@styrkedjan/access';

export const REQUIRED_ACTION = 'styrkedjan:required-action';

/** The action a route of the gateway's own asks of the policy; a route without one is not reachable. */
export const Requires = (action: Action) => SetMetadata(REQUIRED_ACTION, action);
