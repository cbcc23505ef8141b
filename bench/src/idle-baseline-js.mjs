// P5's second baseline: the same idle process as idle-baseline.ts, but plain JavaScript, so Node
// never loads its TypeScript type-stripping machinery. The gap to idle-baseline.ts is what running
// .ts sources directly costs each service in RSS and start-up time.
process.stdout.write(`${JSON.stringify({ level: 30, time: Date.now(), msg: "ready" })}\n`);
const timer = setInterval(() => undefined, 60_000);
process.on("SIGTERM", () => {
  clearInterval(timer);
  process.exit(0);
});
