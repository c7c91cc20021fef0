import { PageQuery } from '@styrkedjan/platform';

/** `limit` and `cursor` only: a support's feedback is already narrowed by the path. */
export class ListFeedbackQueryParams extends PageQuery {}
