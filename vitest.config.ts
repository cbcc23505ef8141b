import { defineConfig } from "vitest/config";

// Two projects: fast pure unit tests, and integration tests against real NATS JetStream and
// PostgreSQL. Integration files run in parallel; each makes its own database and NATS namespace.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          sequence: { groupOrder: 0 },
          include: ["packages/*/src/**/*.test.ts", "services/*/src/**/*.test.ts", "sandbox/src/**/*.test.ts", "tools/*/src/**/*.test.ts", "bench/src/**/*.test.ts"],
          exclude: ["**/*.int.test.ts", "**/node_modules/**"],
        },
      },
      {
        test: {
          name: "integration",
          sequence: { groupOrder: 1 },
          include: ["tests/**/*.int.test.ts", "packages/*/src/**/*.int.test.ts", "services/*/src/**/*.int.test.ts", "sandbox/src/**/*.int.test.ts", "tools/*/src/**/*.int.test.ts"],
          exclude: ["**/node_modules/**"],
          globalSetup: ["packages/testkit/src/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          maxWorkers: 2,
        },
      },
    ],
  },
});
