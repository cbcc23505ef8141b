import type { TestProject } from "vitest/node";
import { dockerAvailable } from "./docker.ts";

/**
 * Decides where integration tests find PostgreSQL and NATS: `DATABASE_URL` / `NATS_URL` when set,
 * else containers when a Docker engine exists, else the local defaults (127.0.0.1).
 */
export default async function setup(project: TestProject) {
  const stops: Array<() => Promise<unknown>> = [];
  let databaseUrl = process.env.DATABASE_URL;
  let natsUrl = process.env.NATS_URL;
  if ((!databaseUrl || !natsUrl) && (await dockerAvailable())) {
    const { GenericContainer, Wait } = await import("testcontainers");
    const { PostgreSqlContainer } = await import("@testcontainers/postgresql");
    if (!databaseUrl) {
      const pg = await new PostgreSqlContainer("postgres:15-alpine").withUsername("postgres").withPassword("postgres").start();
      stops.push(() => pg.stop());
      databaseUrl = pg.getConnectionUri();
    }
    if (!natsUrl) {
      const nats = await new GenericContainer("nats:2.10-alpine")
        .withCommand(["-js"])
        .withExposedPorts(4222)
        .withWaitStrategy(Wait.forLogMessage(/Server is ready/))
        .start();
      stops.push(() => nats.stop());
      natsUrl = `nats://${nats.getHost()}:${nats.getMappedPort(4222)}`;
    }
  }
  project.provide("databaseUrl", databaseUrl ?? "postgres://postgres@127.0.0.1:5432/postgres");
  project.provide("natsUrl", natsUrl ?? "nats://127.0.0.1:4222");
  return async () => {
    for (const stop of stops) await stop();
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    natsUrl: string;
  }
}
