export { createTestEnv, type TestEnv } from "./test-env.ts";
export { dockerAvailable } from "./docker.ts";
