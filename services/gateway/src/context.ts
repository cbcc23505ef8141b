import type { NatsConnection } from "@nats-io/transport-node";
import type { JetStreamClient } from "@nats-io/jetstream";
import type { NatsNames } from "@layers/contracts";
import type { Db } from "@layers/db";
import type { Logger } from "@layers/runtime";
import type { WriteDeps } from "./writes/submit-write.ts";
import type { WebhookSettings } from "./http/webhooks.ts";
import type { ConnectSettings } from "./routes/oauth/connect-settings.ts";

/** What route handlers receive: explicit dependencies, no module-level connections. */
export interface RouteContext {
  db: Db;
  nc: NatsConnection;
  js: JetStreamClient;
  names: NatsNames;
  log: Logger;
  writes: WriteDeps;
  syncTimeoutMs: number;
  publicBaseUrl?: string | undefined;
  webhooks: WebhookSettings;
  connect: ConnectSettings;
}
