import type { HttpMethod, RouteDeclaration, ServiceName } from '@styrkedjan/platform';
import type { Action } from './policy';

/**
 * Every route of the API, declared once: which service answers it, and what it asks of the policy. The
 * service's controller serves it (`@Endpoint(ENDPOINTS.needs.identify)`), the gateway derives its proxy and
 * access tables from it (apps/gateway/src/routing/route-table.ts), and a test holds the controllers and this
 * table to each other. A route that is not here is not reachable.
 */
export interface EndpointDeclaration extends RouteDeclaration {
  action: Action;
  /**
   * The path parameter that names the organisation owning what is acted on (its inbox, its subscriptions):
   * the policy's `own` scope is checked against it before the request reaches the service.
   */
  owner?: string;
}

const endpoint =
  (method: HttpMethod) =>
  (path: string, action: Action, summary: string, owner?: string): EndpointDeclaration => ({
    method,
    path,
    action,
    summary,
    ...(owner ? { owner } : {}),
  });
const get = endpoint('GET');
const post = endpoint('POST');
const put = endpoint('PUT');
const del = endpoint('DELETE');
const patch = endpoint('PATCH');

export const ENDPOINTS = {
  gateway: {
    listAuditEvents: get(
      '/audit',
      'audit.read',
      'Security events, newest first: refused credentials, denied actions, API keys issued and revoked',
    ),
    listDeadLetters: get(
      '/admin/dead-letters',
      'dead-letters.manage',
      'Dead letters of every consumer, most recently failed first',
    ),
    readMetrics: get(
      '/metrics',
      'dead-letters.manage',
      "The gateway's Prometheus metrics (its requests, every queue's depth and dead letters); the services serve theirs on their own ports",
    ),
    viewQueueBoard: get(
      '/admin/queues',
      'dead-letters.manage',
      'The queue board (bull-board): every consumer queue, its jobs and its dead letters',
    ),
    readQueueBoard: get('/admin/queues/*', 'dead-letters.manage', "The queue board's pages, assets and read API"),
    actOnQueueBoard: put(
      '/admin/queues/*',
      'dead-letters.manage',
      "The queue board's re-drives: retry a job or a queue's failed jobs, promote a delayed one, pause or resume",
    ),
    retryDeadLetter: post(
      '/admin/dead-letters/:id/retry',
      'dead-letters.manage',
      'Put a dead letter back on its queue with a fresh set of attempts',
    ),
    issueApiKey: post(
      '/api-keys',
      'api-keys.manage',
      'Issue an API key for your organisation; the key is in this answer only',
    ),
    listApiKeys: get(
      '/api-keys',
      'api-keys.manage',
      'The API keys of your organisation, newest first, without the keys themselves',
    ),
    revokeApiKey: del(
      '/api-keys/:id',
      'api-keys.manage',
      'Revoke an API key of your organisation; it stops working at once',
    ),
  },
  directory: {
    listOrganisations: get('/organisations', 'directory.read', 'Organisations in the governance chain'),
    getOrganisation: get('/organisations/:id', 'directory.read', 'One organisation'),
    listAreas: get('/areas', 'directory.read', 'Areas of knowledge governance'),
    getArea: get('/areas/:code', 'directory.read', 'One area'),
    listTargetGroups: get(
      '/target-groups',
      'directory.read',
      'Target groups: who a need or support is about, in Swedish and English',
    ),
    getTargetGroup: get('/target-groups/:code', 'directory.read', 'One target group'),
    listProductTypes: get('/product-types', 'directory.read', 'Kinds of knowledge product, in Swedish and English'),
    getProductType: get('/product-types/:code', 'directory.read', 'One product type'),
  },
  needs: {
    identify: post('/needs', 'need.identify', 'Register a knowledge need of your organisation'),
    list: get('/needs', 'need.read', 'Needs, newest first'),
    get: get(
      '/needs/:id',
      'need.read',
      'One need: its stage, triage, endorsements by kind and county, and the supports that address it',
    ),
    similar: get('/needs/:id/similar', 'need.read', 'Open needs like this one, with a score and the reasons'),
    timeline: get('/needs/:id/timeline', 'need.read', 'Every transition of a need, in order, with who and why'),
    endorse: post('/needs/:id/endorsements', 'need.endorse', 'Endorse a need your organisation shares'),
    withdrawEndorsement: del('/needs/:id/endorsements', 'need.endorse', "Withdraw your organisation's endorsement"),
    triage: post('/needs/:id/triage', 'need.triage', 'Decide on a need, with a rationale (If-Match required)'),
    clarify: post('/needs/:id/clarifications', 'need.clarify', "Answer the steering group's question on your need"),
    merge: post('/needs/:id/merge', 'need.merge', 'Merge a duplicate need into the one that survives'),
  },
  supports: {
    draft: post('/supports', 'support.draft', 'Draft a knowledge support led by your agency'),
    publish: post('/supports/:id/publish', 'support.publish', 'Publish a draft your agency leads'),
    list: get('/supports', 'support.read', 'Knowledge supports, newest first'),
    listReleases: get('/supports/releases', 'support.read', 'The release calendar: planned and past releases'),
    get: get(
      '/supports/:id',
      'support.read',
      'One knowledge support: the edition in force, a draft revision, additions',
    ),
    edit: patch('/supports/:id', 'support.edit', 'Edit the draft edition (If-Match required): lead or co-producer'),
    history: get('/supports/:id/history', 'support.read', 'Every step of a support, with who, when and why'),
    versions: get('/supports/:id/versions', 'support.read', 'Every published edition of a support'),
    revise: post('/supports/:id/revisions', 'support.revise', 'Begin a major or minor revision of a published support'),
    withdraw: post('/supports/:id/withdraw', 'support.withdraw', 'Withdraw a support, with a reason and a replacement'),
    addRegionalAddition: post(
      '/supports/:id/regional-additions',
      'support.add-regional-addition',
      "Add your region's own text to a published support",
    ),
    listRegionalAdditions: get(
      '/organisations/:regionId/regional-additions',
      'support.read',
      "A region's additions to national supports, newest first",
    ),
  },
  feedback: {
    give: post('/supports/:id/feedback', 'feedback.give', 'Give feedback on a published support'),
    list: get('/supports/:id/feedback', 'feedback.read', 'Feedback on a support, with its summary'),
  },
  notifications: {
    getSubscriptions: get(
      '/organisations/:id/subscriptions',
      'subscriptions.read',
      'The areas your organisation follows',
      'id',
    ),
    replaceSubscriptions: put(
      '/organisations/:id/subscriptions',
      'subscriptions.change',
      'Set the areas your organisation follows',
      'id',
    ),
    listNotifications: get('/organisations/:id/notifications', 'inbox.read', "Your organisation's inbox", 'id'),
    markAllRead: post(
      '/organisations/:id/notifications/read-all',
      'inbox.mark-read',
      'Mark the whole inbox read',
      'id',
    ),
    markRead: post(
      '/organisations/:id/notifications/:notificationId/read',
      'inbox.mark-read',
      'Mark one notification read',
      'id',
    ),
  },
  pipeline: {
    get: get('/pipeline', 'pipeline.read', 'The pipeline from need to effect: counts by stage, and its items'),
    listEvents: get('/events', 'events.read', 'The event log, oldest first, from a position'),
  },
  consultations: {
    open: post(
      '/supports/:id/consultations',
      'consultation.open',
      'Open a consultation round (remiss) on a draft your agency leads',
    ),
    listForSupport: get('/supports/:id/consultations', 'consultation.read', "A support's consultation rounds"),
    get: get('/consultations/:id', 'consultation.read', 'One consultation round: consultees, questions, deadline'),
    getMyResponse: get(
      '/consultations/:id/responses/mine',
      'consultation.respond',
      "Your organisation's response to a round, draft or submitted",
    ),
    saveMyResponse: put(
      '/consultations/:id/responses/mine',
      'consultation.respond',
      "Save your organisation's draft response (If-Match after the first save)",
    ),
    submitMyResponse: post(
      '/consultations/:id/responses/mine/submit',
      'consultation.respond',
      "Submit your organisation's response (If-Match); it can no longer be edited",
    ),
    extend: post('/consultations/:id/extend', 'consultation.manage', "Move a round's deadline later, with a reason"),
    close: post('/consultations/:id/close', 'consultation.manage', 'Close a round before its deadline'),
    answerComment: post(
      '/consultations/:id/comments/:commentId/answer',
      'consultation.manage',
      'Answer a comment of a closed round (again: the answer is replaced)',
    ),
    report: get(
      '/consultations/:id/report',
      'consultation.read',
      'Every comment with its answer, by section, and the progress (JSON, or CSV with Accept: text/csv)',
    ),
  },
  coordination: {
    listOverlaps: get(
      '/overlaps',
      'coordination.read',
      'Overlaps between the supports of different agencies, and with needs assigned to another agency',
    ),
    getOverlap: get('/overlaps/:id', 'coordination.read', 'One overlap: its supports, score, reasons and resolution'),
    resolveOverlap: post(
      '/overlaps/:id/resolve',
      'overlap.resolve',
      'Resolve an overlap your agency is party to: coordinate, distinct or merge',
    ),
    getCalendar: get(
      '/calendar',
      'coordination.read',
      'The release calendar per audience and week: planned releases, closing consultations, collisions and warnings',
    ),
    getCalendarFeed: get('/calendar.ics', 'coordination.read', 'The release calendar as an iCalendar feed'),
    getBoard: get(
      '/coordination',
      'coordination.read',
      'The coordination board: open overlaps and collisions with their age, contested needs, supports per area and agency, recent resolutions',
    ),
  },
} as const satisfies Record<ServiceName, Record<string, EndpointDeclaration>>;
