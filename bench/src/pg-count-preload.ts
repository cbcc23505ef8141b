// Preloaded into a spawned service (`node --import <this file>`) by the bench: counts the service's
// SQL statements (pg-count.ts) and keeps the cumulative counts in $BENCH_PG_COUNT_FILE, rewritten
// every second and at exit, so the bench can difference two reads around a measured window.
import { writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { installPgCounter } from "./pg-count.ts";

const file = process.env.BENCH_PG_COUNT_FILE;
if (file) {
  const counts = installPgCounter(resolve(dirname(fileURLToPath(import.meta.url)), "../.."));
  let last = -1;
  const flush = () => {
    if (counts.total === last) return;
    last = counts.total;
    writeFileSync(file, JSON.stringify(counts));
  };
  flush();
  setInterval(flush, 1_000).unref();
  process.on("exit", flush);
}
