import { z } from 'zod';

/** An organisation set the areas it follows; the payload is the whole new list. */
export const subscriptionsReplaced = {
  type: 'subscriptions.replaced',
  version: 1,
  payload: z.strictObject({
    organisationId: z.uuid(),
    areaCodes: z.array(z.string().min(1).max(60)).max(200),
    replacedAt: z.iso.datetime({ offset: true }),
  }),
} as const;
