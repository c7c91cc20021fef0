// The one definition is the platform's, shared with the coordination service's calendar.
export { IsCalendarDate } from '@styrkedjan/platform';
