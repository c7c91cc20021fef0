/**
 * Who operates the platform in development unless PLATFORM_OPERATOR_ORGANISATION_ID says otherwise: the seeded
 * E-hälsomyndigheten (`agency:EHM`; the directory's ids are derived from the code, the same on every machine), so
 * that `npm run token -- operator` has someone to act for. Never a default outside development;
 * the test harness names the same organisation.
 */
export const DEV_OPERATOR_ORGANISATION = { code: 'agency:EHM', id: '538d17d8-ab98-5a97-a95d-3d8d3bf6a8ed' } as const;
