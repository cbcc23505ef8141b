// P5's baseline: a bare Node.js process that prints one pino-shaped "ready" line and then idles.
// It shows what the runtime itself costs on this machine (start-up time and RSS) before any service code.
process.stdout.write(`${JSON.stringify({ level: 30, time: Date.now(), msg: "ready" })}\n`);
const timer = setInterval(() => undefined, 60_000);
process.on("SIGTERM", () => {
  clearInterval(timer);
  process.exit(0);
});
