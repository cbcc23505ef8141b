import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { connect } from "@nats-io/transport-node";
import { jetstreamManager } from "@nats-io/jetstream";
import { testkitConfig } from "./config.ts";

/**
 * A three-node JetStream cluster on loopback, from the machine's `nats-server` binary: each node
 * has its own client and route ports and its own store directory (deleted by `dispose`). Nodes can
 * be killed and started again on the same ports and store, as a node of a production cluster comes
 * back after a crash. Streams created with `num_replicas: 3` survive the loss of any one node.
 */
export interface NatsClusterNode {
  /** The server name (`n1`…): JetStream reports stream and consumer leaders by it. */
  readonly name: string;
  readonly url: string;
  running(): boolean;
  /** SIGKILL by default: a crash. */
  stop(signal?: "SIGKILL" | "SIGTERM"): Promise<void>;
  /** Starts it again on the same ports and store; resolves when it is ready for clients. */
  start(): Promise<void>;
}

export interface NatsCluster {
  /** Every node's client URL, comma-separated (what NATS_URL takes). */
  readonly url: string;
  readonly nodes: readonly NatsClusterNode[];
  node(name: string): NatsClusterNode;
  /** The server currently leading a stream (asks any running node). */
  streamLeader(stream: string): Promise<string>;
  /** Stops every node and deletes the stores. */
  dispose(): Promise<void>;
}

const READY = /Server is ready/;
const READY_TIMEOUT_MS = 20_000;

function findBinary(): string {
  const { NATS_SERVER_BIN, PATH } = testkitConfig();
  const candidates = [NATS_SERVER_BIN, "/usr/sbin/nats-server", ...PATH.split(delimiter).filter(Boolean).map((d) => join(d, "nats-server"))];
  const found = candidates.find((c): c is string => !!c && existsSync(c));
  if (!found) throw new Error("no nats-server binary (set NATS_SERVER_BIN): cannot start a NATS cluster");
  return found;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export async function startNatsCluster(opts: { nodes?: number } = {}): Promise<NatsCluster> {
  const binary = findBinary();
  const count = opts.nodes ?? 3;
  const specs: Array<{ name: string; port: number; routePort: number; storeDir: string }> = [];
  for (let i = 1; i <= count; i++) {
    specs.push({ name: `n${i}`, port: await freePort(), routePort: await freePort(), storeDir: await mkdtemp(join(tmpdir(), `layers-nats-cluster-n${i}-`)) });
  }
  const clusterName = `c${specs[0]!.port}`;
  const procs = new Map<string, ChildProcess>();
  const killAll = () => {
    for (const p of procs.values()) p.kill("SIGKILL");
  };
  // Never outlive the test worker, whatever happens to the test's own cleanup.
  process.once("exit", killAll);

  const launch = (s: (typeof specs)[number]) =>
    new Promise<void>((resolve, reject) => {
      const routes = specs.filter((o) => o !== s).map((o) => `nats://127.0.0.1:${o.routePort}`).join(",");
      const child = spawn(
        binary,
        ["-js", "-a", "127.0.0.1", "-p", String(s.port), "-sd", s.storeDir, "-n", s.name, "--cluster_name", clusterName, "--cluster", `nats://127.0.0.1:${s.routePort}`, "--routes", routes],
        { stdio: ["ignore", "pipe", "pipe"] },
      );
      procs.set(s.name, child);
      let log = "";
      const timer = setTimeout(() => fail(new Error(`nats-server ${s.name} not ready after ${READY_TIMEOUT_MS} ms:\n${log.slice(-2000)}`)), READY_TIMEOUT_MS);
      const onData = (b: Buffer) => {
        log += b.toString();
        if (READY.test(log)) {
          clearTimeout(timer);
          child.stdout?.off("data", onData);
          child.stderr?.off("data", onData);
          child.stdout?.resume();
          child.stderr?.resume();
          resolve();
        }
      };
      const fail = (err: Error) => {
        clearTimeout(timer);
        child.kill("SIGKILL");
        reject(err);
      };
      child.stdout?.on("data", onData);
      child.stderr?.on("data", onData);
      child.once("error", fail);
      child.once("exit", (code, signal) => {
        if (!READY.test(log)) fail(new Error(`nats-server ${s.name} exited (${code ?? signal}) before it was ready:\n${log.slice(-2000)}`));
      });
    });

  const isRunning = (name: string) => {
    const p = procs.get(name);
    return !!p && p.exitCode === null && p.signalCode === null;
  };
  const stopNode = async (name: string, signal: "SIGKILL" | "SIGTERM" = "SIGKILL") => {
    const p = procs.get(name);
    procs.delete(name);
    if (!p || p.exitCode !== null || p.signalCode !== null) return;
    const exited = new Promise<void>((r) => p.once("exit", () => r()));
    p.kill(signal);
    const timer = setTimeout(() => p.kill("SIGKILL"), 10_000);
    await exited;
    clearTimeout(timer);
  };

  await Promise.all(specs.map(launch));
  const url = specs.map((s) => `nats://127.0.0.1:${s.port}`).join(",");
  const nodes: NatsClusterNode[] = specs.map((s) => ({
    name: s.name,
    url: `nats://127.0.0.1:${s.port}`,
    running: () => isRunning(s.name),
    stop: (signal) => stopNode(s.name, signal),
    start: async () => (isRunning(s.name) ? undefined : launch(s)),
  }));

  const ask = async <T>(fn: (jsm: Awaited<ReturnType<typeof jetstreamManager>>) => Promise<T>): Promise<T> => {
    const servers = specs.filter((s) => isRunning(s.name)).map((s) => `nats://127.0.0.1:${s.port}`);
    const nc = await connect({ servers, name: "cluster-probe", maxReconnectAttempts: 0 });
    try {
      return await fn(await jetstreamManager(nc, { timeout: 2_000 }));
    } finally {
      await nc.close();
    }
  };
  // The cluster is usable once it has elected a meta leader: JetStream answers account info.
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    try {
      await ask((jsm) => jsm.getAccountInfo());
      break;
    } catch (err) {
      if (Date.now() > deadline) {
        killAll();
        throw new Error(`NATS cluster formed no JetStream meta leader within ${READY_TIMEOUT_MS} ms`, { cause: err });
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  return {
    url,
    nodes,
    node(name) {
      const n = nodes.find((x) => x.name === name);
      if (!n) throw new RangeError(`no node ${name}`);
      return n;
    },
    streamLeader: (stream) =>
      ask(async (jsm) => {
        const leader = (await jsm.streams.info(stream)).cluster?.leader;
        if (!leader) throw new Error(`stream ${stream} has no leader right now`);
        return leader;
      }),
    async dispose() {
      await Promise.all(specs.map((s) => stopNode(s.name, "SIGKILL")));
      process.off("exit", killAll);
      await Promise.all(specs.map((s) => rm(s.storeDir, { recursive: true, force: true })));
    },
  };
}
