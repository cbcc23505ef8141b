import type { FastifyInstance, FastifyReply } from "fastify";
import { z } from "zod";
import {
  createMetaAdAccountBodySchema, deleteFaultsQuerySchema, ledgerQuerySchema, putFaultsBodySchema,
  type CreateMetaAdAccountResponse,
} from "./control-schemas.ts";
import type { FaultBook } from "./faults.ts";
import type { Ledger } from "./ledger.ts";
import type { MetaStore } from "./meta/meta-store.ts";
import type { TiktokStore } from "./tiktok/tiktok-store.ts";
import { seedAdAccount } from "./meta/seed-ad-account.ts";

export interface ControlDeps {
  store: MetaStore;
  ledger: Ledger;
  faults: FaultBook;
  /** TikTok advertisers, for `PUT /_sandbox/faults` with `platform: "tiktok"`. */
  tiktok?: TiktokStore;
  /** Called when control calls change persisted state (new accounts). */
  onMutation: () => void;
  now?: () => Date;
}

/** The `/_sandbox` control API: seed accounts, read the ledger, arm and clear faults. */
export function registerControlRoutes(app: FastifyInstance, deps: ControlDeps): void {
  const now = deps.now ?? (() => new Date());

  app.get("/_sandbox/health", async () => ({ ok: true }));

  app.post("/_sandbox/meta/ad-accounts", async (request, reply) => {
    const body = parse(createMetaAdAccountBodySchema, request.body ?? {}, reply);
    if (body === undefined) return reply;
    const { account, campaigns } = seedAdAccount(deps.store, body, now());
    deps.onMutation();
    const answer: CreateMetaAdAccountResponse = {
      platformAccountId: account.id,
      accountId: `act_${account.id}`,
      accessToken: account.accessToken,
      name: account.name,
      currency: account.currency,
      campaigns: campaigns.map(({ campaign, adSets }) => ({
        id: campaign.id,
        name: campaign.name,
        adsets: adSets.map(({ adSet, ads }) => ({
          id: adSet.id,
          name: adSet.name,
          ads: ads.map((ad) => ({ id: ad.id, name: ad.name, creativeId: ad.creativeId })),
        })),
      })),
    };
    return reply.code(201).send(answer);
  });

  app.get("/_sandbox/meta/ad-accounts", async () => ({
    adAccounts: deps.store.accounts().map((a) => ({
      platformAccountId: a.id, accountId: `act_${a.id}`, accessToken: a.accessToken, name: a.name, currency: a.currency,
    })),
  }));

  app.get("/_sandbox/ledger", async (request, reply) => {
    const q = parse(ledgerQuerySchema, request.query, reply);
    if (q === undefined) return reply;
    return { entries: deps.ledger.query(q) };
  });

  app.put("/_sandbox/faults", async (request, reply) => {
    const body = parse(putFaultsBodySchema, request.body ?? {}, reply);
    if (body === undefined) return reply;
    const { platform, account, ...spec } = body;
    const known = platform === "tiktok" ? deps.tiktok?.advertiser(account) !== undefined : deps.store.account(account.slice("act_".length)) !== undefined;
    if (!known) return reply.code(404).send({ error: { message: `unknown ${platform === "tiktok" ? "advertiser" : "ad account"} ${account}` } });
    return deps.faults.set(platform, account, spec);
  });

  app.get("/_sandbox/faults", async () => ({ faults: deps.faults.list() }));

  app.delete("/_sandbox/faults", async (request, reply) => {
    const q = parse(deleteFaultsQuerySchema, request.query, reply);
    if (q === undefined) return reply;
    // Without an account every fault goes: handy in a test's teardown.
    const targets = q.account === undefined ? deps.faults.list().map((f) => f.account) : [q.account];
    let cleared = 0;
    for (const a of targets) if (deps.faults.clear(q.platform, a)) cleared++;
    return { cleared };
  });
}

function parse<S extends z.ZodType>(schema: S, input: unknown, reply: FastifyReply): z.infer<S> | undefined {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  void reply.code(400).send({
    error: { message: "invalid request", issues: r.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })) },
  });
  return undefined;
}
