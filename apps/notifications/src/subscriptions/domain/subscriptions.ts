/** How many areas one organisation may follow: enough for a region across its sectors, small enough to check at once. */
export const MAX_SUBSCRIBED_AREAS = 100;
