import type { NatsConnection } from "@nats-io/transport-node";
import type { JetStreamClient } from "@nats-io/jetstream";
import type { NatsNames } from "@layers/contracts";
import type { Db } from "@layers/db";
import type { Logger } from "@layers/runtime";
import type { WriteDeps } from "./writes/submit-write.ts";
import type { WebhookSettings } from "./http/webhooks.ts";
import type { OrgCache } from "./http/org-cache.ts";
import type { KeyCache } from "./http/key-cache.ts";
import type { ProjectCache } from "./http/project-cache.ts";
import type { CursorCodec } from "./domain/cursor.ts";
import type { ConnectSettings } from "./routes/oauth/connect-settings.ts";
import type { JobEventsHub } from "./http/job-events-hub.ts";

/** What route handlers receive: explicit dependencies, no module-level connections. */
export interface RouteContext {
  db: Db;
  /** Project rows for tenancy, cached with pushed invalidation; drop an entry after writing that project. */
  projects: ProjectCache;
  nc: NatsConnection;
  js: JetStreamClient;
  names: NatsNames;
  log: Logger;
  writes: WriteDeps;
  syncTimeoutMs: number;
  publicBaseUrl?: string | undefined;
  webhooks: WebhookSettings;
  /** Signs and checks the pagination cursors of every list. */
  cursors: CursorCodec;
  connect: ConnectSettings;
  /** Org state and keys for authentication: drop an entry after changing it, to read our own write at once (other gateways hear the NOTIFY). */
  orgs: OrgCache;
  keys: KeyCache;
  /** How long a rotated-out child key secret keeps authenticating (issue 15: 24 h; short in tests). */
  keyRotationGraceMs: number;
  /** Job event streams (GET /v1/jobs/:id/events): the one listener they share, heartbeat period, longest life of one stream. */
  jobStreams: { hub: JobEventsHub; heartbeatMs: number; maxStreamMs: number };
}
