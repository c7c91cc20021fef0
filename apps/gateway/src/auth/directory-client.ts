import { HttpStatus, Logger } from '@nestjs/common';
import { z } from 'zod';
import { ORGANISATION_KINDS } from '@styrkedjan/contracts';
import { ASSERTION_HEADER, ProblemException, ServiceAssertions } from '@styrkedjan/platform';

const organisationSchema = z.object({ id: z.uuid(), kind: z.enum(ORGANISATION_KINDS) });
export type DirectoryOrganisation = z.infer<typeof organisationSchema>;

/** Asks the directory for one organisation: null when it does not know it; throws when it cannot answer. */
export type FindOrganisation = (organisationId: string) => Promise<DirectoryOrganisation | null>;

/** The directory's GET /organisations/:id, as a FindOrganisation. */
export function findInDirectory(
  directoryUrl: string,
  timeoutMs: number,
  assertions: ServiceAssertions,
  logger = new Logger('DirectoryClient'),
): FindOrganisation {
  const unavailable = (cause: string) => {
    logger.warn(`directory lookup failed: ${cause}`);
    return new ProblemException(
      HttpStatus.SERVICE_UNAVAILABLE,
      'service_unavailable',
      "The directory service is unavailable, so the caller's organisation cannot be checked; try again shortly.",
    );
  };
  return async (organisationId) => {
    let response: Response;
    const target = `/organisations/${encodeURIComponent(organisationId)}`;
    // The gateway asks on its own account, before there is a caller: an assertion without a principal.
    const assertion = assertions.sign({
      issuer: 'gateway',
      audience: 'directory',
      method: 'GET',
      target,
      principal: null,
    });
    try {
      response = await fetch(`${directoryUrl}${target}`, {
        headers: { accept: 'application/json', [ASSERTION_HEADER]: assertion },
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      // fetch reports only "fetch failed"; the cause (ECONNREFUSED, a timeout) is what an operator needs.
      const { message, cause } = error as Error & { cause?: { code?: string } };
      throw unavailable(cause?.code ?? message);
    }
    // 400 too: an id the directory refuses to read is one it cannot know.
    if (response.status === 404 || response.status === 400) {
      await response.body?.cancel();
      return null;
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw unavailable(`answered ${response.status}`);
    }
    const parsed = organisationSchema.safeParse(await response.json().catch(() => null));
    if (!parsed.success) throw unavailable('answered with a body that is not an organisation');
    return parsed.data;
  };
}
