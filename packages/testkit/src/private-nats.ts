import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { testkitConfig } from "./config.ts";
import { dockerAvailable } from "./docker.ts";

/**
 * A NATS server (JetStream, file store) owned by one test file, so the file can crash and restart
 * it without touching the shared server other files use. Restarts keep the port and the store
 * directory: streams, consumers and their acked state survive, as they would in production.
 */
export interface PrivateNats {
  readonly url: string;
  /** `binary` (a local nats-server process) or `container` (Docker, when no binary exists). */
  readonly kind: "binary" | "container";
  /** SIGKILL: a crash (nothing flushed, no goodbye to clients); SIGTERM: a clean shutdown. */
  stop(signal?: "SIGKILL" | "SIGTERM"): Promise<void>;
  /** Starts it again on the same port and store; resolves once it accepts clients. */
  start(): Promise<void>;
  /** Stops it for good and deletes the store. */
  dispose(): Promise<void>;
}

const READY = /Server is ready/;
const READY_TIMEOUT_MS = 20_000;

function findBinary(): string | undefined {
  const { NATS_SERVER_BIN, PATH } = testkitConfig();
  const candidates = [NATS_SERVER_BIN, "/usr/sbin/nats-server", ...PATH.split(delimiter).filter(Boolean).map((d) => join(d, "nats-server"))];
  return candidates.find((c): c is string => !!c && existsSync(c));
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

/** Starts a private JetStream server: the nats-server binary when present, else a `nats:2.10` container. */
export async function startPrivateNats(): Promise<PrivateNats> {
  const storeDir = await mkdtemp(join(tmpdir(), "layers-nats-"));
  const binary = findBinary();
  if (binary) return startBinary(binary, storeDir, await freePort());
  if (await dockerAvailable()) return startContainer(storeDir, await freePort());
  await rm(storeDir, { recursive: true, force: true });
  throw new Error("no nats-server binary (set NATS_SERVER_BIN) and no Docker engine: cannot run a private NATS server");
}

async function startBinary(binary: string, storeDir: string, port: number): Promise<PrivateNats> {
  let proc: ChildProcess | null = null;
  const running = () => proc !== null && proc.exitCode === null && proc.signalCode === null;
  // Never outlive the test worker, whatever happens to the test's own cleanup.
  const killOnExit = () => proc?.kill("SIGKILL");
  process.once("exit", killOnExit);
  const launch = () =>
    new Promise<void>((resolve, reject) => {
      const child = spawn(binary, ["-js", "-a", "127.0.0.1", "-p", String(port), "-sd", storeDir], { stdio: ["ignore", "pipe", "pipe"] });
      proc = child;
      let log = "";
      const timer = setTimeout(() => fail(new Error(`nats-server not ready after ${READY_TIMEOUT_MS} ms:\n${log.slice(-2000)}`)), READY_TIMEOUT_MS);
      const onData = (b: Buffer) => {
        log += b.toString();
        if (READY.test(log)) {
          clearTimeout(timer);
          child.stdout?.off("data", onData);
          child.stderr?.off("data", onData);
          // Keep draining its output so a chatty server never blocks on a full pipe.
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
        if (!READY.test(log)) fail(new Error(`nats-server exited (${code ?? signal}) before it was ready:\n${log.slice(-2000)}`));
      });
    });

  const stop = async (signal: "SIGKILL" | "SIGTERM" = "SIGKILL") => {
    const p = proc as ChildProcess | null;
    proc = null;
    if (!p || p.exitCode !== null || p.signalCode !== null) return;
    const exited = new Promise<void>((r) => p.once("exit", () => r()));
    p.kill(signal);
    const timer = setTimeout(() => p.kill("SIGKILL"), 10_000);
    await exited;
    clearTimeout(timer);
  };

  await launch();
  return {
    url: `nats://127.0.0.1:${port}`,
    kind: "binary",
    stop,
    // Already running: nothing to do (a second server could not bind the port, and would orphan the first).
    start: async () => (running() ? undefined : launch()),
    async dispose() {
      await stop("SIGKILL");
      process.off("exit", killOnExit);
      await rm(storeDir, { recursive: true, force: true });
    },
  };
}

/**
 * The Docker fallback: the store is a bind-mounted host directory and the host port is fixed, so a
 * new container started after `stop()` is the same server as far as clients can tell.
 */
async function startContainer(storeDir: string, port: number): Promise<PrivateNats> {
  const { GenericContainer, Wait } = await import("testcontainers");
  type Started = Awaited<ReturnType<InstanceType<typeof GenericContainer>["start"]>>;
  let container: Started | null = null;
  let host = "127.0.0.1";
  const launch = async () => {
    if (container) return;
    container = await new GenericContainer("nats:2.10-alpine")
      .withCommand(["-js", "-sd", "/data"])
      .withBindMounts([{ source: storeDir, target: "/data" }])
      .withExposedPorts({ container: 4222, host: port })
      .withWaitStrategy(Wait.forLogMessage(READY))
      .withStartupTimeout(READY_TIMEOUT_MS)
      .start();
    host = container.getHost();
  };
  const stop = async (signal: "SIGKILL" | "SIGTERM" = "SIGKILL") => {
    const c = container as Started | null;
    container = null;
    // docker stop with no grace period is a SIGKILL; with one, SIGTERM first.
    await c?.stop({ timeout: signal === "SIGKILL" ? 0 : 10_000 });
  };
  await launch();
  return {
    url: `nats://${host}:${port}`,
    kind: "container",
    stop,
    start: launch,
    async dispose() {
      await stop("SIGKILL");
      await rm(storeDir, { recursive: true, force: true }).catch(() => undefined);
    },
  };
}
