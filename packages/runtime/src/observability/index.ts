export * from "./registry.ts";
export * from "./health-server.ts";
export * from "./service-metrics.ts";
export * from "./probes.ts";
export * from "./tracing.ts";
export * from "./prom-text.ts";
