import { parseArgs } from "node:util";
import { natsNames } from "@layers/contracts";
import { createDb, ensureDatabase, migrateToLatest } from "@layers/db";
import { connectNats, ensureStreams } from "@layers/runtime";
import { inspectDeadLetter, listDeadLetters, redriveDeadLetter } from "./commands/dlq.ts";
import { progressReporter } from "./progress.ts";
import { createOrganization, mintApiKey, revokeApiKey, UsageError } from "./commands/orgs.ts";
import { replay } from "./commands/replay.ts";
import { setApiKillSwitch } from "./commands/api-kill-switch.ts";
import { seedDev } from "./commands/seed-dev.ts";
import { rotateTokenKey } from "./commands/rotate-token-key.ts";
import { mintCustomerToken, parseTtl } from "./commands/customer-token.ts";
import { loadOpsConfig } from "./config.ts";
import { describeFailure } from "./failure.ts";

const USAGE = `usage: pnpm ops <command> [options]   (or ./dev ops <command>)

  create-org --name NAME                         create an organization
  mint-key --org ORG_ID --scopes S1,S2 [--name N] [--tier standard|scale|enterprise|internal] [SCOPE…]
                                                  mint an API key (secret printed once)
  api-kill-switch --scope global|org|key [--target ID] --on|--off [--reason TEXT]
                                                  stop (or allow again) the writes of a key, an org or everyone
  revoke-key --key KEY_ID                         revoke an API key ("already revoked" when it was)
  mint-customer-token --project PROJECT_ID [--ttl 1h] [--sub USER]
                                                  a customer JWT for one project (also a child org's project);
                                                  --ttl 90s|15m|1h|7d (default 1h, at most 30d); claims: docs/customer-tokens.md
  seed-dev                                        fresh org, key, project, consented layers (Apple END_TO_END),
                                                  a sandbox account per platform with campaigns, customer JWT
  migrate                                         apply database migrations and create streams
  rotate-token-key [--dry-run]                    re-seal every stored token, key and secret under the first key of
                                                  TOKEN_ENCRYPTION_KEY (a ring "NEW,OLD"); live services keep working
  replay --stream intents|dispatch [--platform meta] (--from-seq N [--to-seq M] | --since ISO [--until ISO]) [--dry-run]
                                                  re-run a subject range; landed work is skipped and reported.
                                                  Counts the range first; progress on stderr; --dry-run lists
                                                  what would be requeued (wouldRequeue) and publishes nothing
  dlq list [--limit N] [--all]                    dead letters (poison messages)
  dlq inspect --id N                              one dead letter in full: message, reason, its intent and job now
  dlq redrive --id N                              put a dead letter back to work

Every command prints one JSON object. Connection settings come from DATABASE_URL, NATS_URL,
NATS_PREFIX, API_BASE_URL, SANDBOX_URL (see README, Configuration).`;

async function main(argv: string[]): Promise<unknown> {
  const [command, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      name: { type: "string" },
      org: { type: "string" },
      scopes: { type: "string" },
      key: { type: "string" },
      stream: { type: "string" },
      platform: { type: "string" },
      "from-seq": { type: "string" },
      "to-seq": { type: "string" },
      since: { type: "string" },
      until: { type: "string" },
      "dry-run": { type: "boolean" },
      limit: { type: "string" },
      all: { type: "boolean" },
      id: { type: "string" },
      tier: { type: "string" },
      scope: { type: "string" },
      target: { type: "string" },
      reason: { type: "string" },
      project: { type: "string" },
      ttl: { type: "string" },
      sub: { type: "string" },
      on: { type: "boolean" },
      off: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (!command || values.help || command === "help") {
    process.stdout.write(USAGE + "\n");
    return undefined;
  }
  const config = loadOpsConfig();
  const db = createDb({ connectionString: config.DATABASE_URL, max: 4, applicationName: "ops" });
  const names = natsNames(config.NATS_PREFIX);
  const needNats = command === "replay" || command === "dlq" || command === "migrate";
  const nats = needNats ? await connectNats(config.NATS_URL, "ops") : undefined;
  try {
    switch (command) {
      case "create-org":
        if (!values.name) throw new UsageError("--name is required");
        return await createOrganization(db, values.name);
      case "mint-key": {
        // Scopes as `--scopes a,b` and/or as plain arguments: `mint-key --org org_… ads:read ads:write:budgets`.
        const scopes = [...(values.scopes ?? "").split(","), ...positionals].map((s) => s.trim()).filter(Boolean);
        if (!values.org || scopes.length === 0) throw new UsageError("--org and at least one scope are required");
        return await mintApiKey(db, { orgId: values.org, scopes, name: values.name, tier: values.tier });
      }
      case "api-kill-switch": {
        if (values.on === values.off) throw new UsageError("give exactly one of --on or --off");
        return await setApiKillSwitch(db, { scope: values.scope ?? "", target: values.target, active: values.on === true, reason: values.reason });
      }
      case "revoke-key":
        if (!values.key) throw new UsageError("--key is required");
        return await revokeApiKey(db, values.key);
      case "mint-customer-token":
        if (!values.project) throw new UsageError("--project is required");
        return await mintCustomerToken(db, config.CUSTOMER_JWT_SECRET, { projectId: values.project, ttlSeconds: parseTtl(values.ttl ?? "1h"), sub: values.sub });
      case "seed-dev":
        return await seedDev(db, config);
      case "rotate-token-key":
        return await rotateTokenKey(db, config.TOKEN_ENCRYPTION_KEY, { dryRun: values["dry-run"] ?? false });
      case "migrate": {
        await ensureDatabase(config.DATABASE_URL);
        const applied = await migrateToLatest(db);
        await ensureStreams(nats!.jsm, names, { replicas: config.NATS_STREAM_REPLICAS });
        return { applied, streams: Object.values(names.streams) };
      }
      case "replay": {
        const stream = values.stream;
        if (stream !== "intents" && stream !== "dispatch") throw new UsageError("--stream must be intents or dispatch");
        const platform = values.platform;
        if (platform !== undefined && platform !== "meta" && platform !== "tiktok" && platform !== "apple") throw new UsageError("--platform must be meta, tiktok or apple");
        const bar = progressReporter(values["dry-run"] ? "replay (dry run)" : "replay", process.stderr);
        const report = await replay(nats!.js, nats!.jsm, db, names, {
          stream,
          platform,
          fromSeq: seqArg(values["from-seq"], "--from-seq"),
          toSeq: seqArg(values["to-seq"], "--to-seq"),
          since: values.since,
          until: values.until,
          dryRun: values["dry-run"] ?? false,
          onProgress: (p) => {
            if (p.done === 0) process.stderr.write(`replay: ${p.total} message(s) in range${values["dry-run"] ? " (dry run: nothing will be published)" : ""}\n`);
            bar.update(p);
          },
        });
        bar.end();
        return report;
      }
      case "dlq": {
        const sub = positionals[0];
        if (sub === "list") return { data: await listDeadLetters(db, { limit: seqArg(values.limit, "--limit"), includeRedriven: values.all ?? false }) };
        if (sub === "inspect") {
          const id = seqArg(values.id, "--id");
          if (id === undefined) throw new UsageError("--id is required");
          return await inspectDeadLetter(db, id);
        }
        if (sub === "redrive") {
          const id = seqArg(values.id, "--id");
          if (id === undefined) throw new UsageError("--id is required");
          return await redriveDeadLetter(nats!.js, db, id);
        }
        throw new UsageError("dlq takes list, inspect or redrive");
      }
      default:
        throw new UsageError(`unknown command ${command}`);
    }
  } finally {
    await nats?.nc.close().catch(() => undefined);
    await db.destroy();
  }
}

function seqArg(v: string | undefined, flag: string): number | undefined {
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v)) throw new UsageError(`${flag} must be a positive whole number`);
  return Number(v);
}

main(process.argv.slice(2)).then(
  (out) => {
    if (out !== undefined) process.stdout.write(JSON.stringify(out, null, 2) + "\n");
  },
  (err: unknown) => {
    const { line, exitCode } = describeFailure(err);
    process.stderr.write(line + "\n");
    process.exit(exitCode);
  },
);
