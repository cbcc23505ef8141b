import { afterAll, beforeAll } from "vitest";
import { startSandbox, type RunningSandbox, type StartSandboxOptions } from "../app.ts";
import { createSandboxClient, type SandboxClient } from "../sandbox-client.ts";

/** Starts a real sandbox on a random 127.0.0.1 port for the test file and stops it afterwards. */
export function useTestSandbox(opts: StartSandboxOptions = {}): { readonly url: string; readonly control: SandboxClient } {
  let running: RunningSandbox | undefined;
  let control: SandboxClient | undefined;
  beforeAll(async () => {
    running = await startSandbox({ port: 0, ...opts });
    control = createSandboxClient(running.url);
  });
  afterAll(async () => {
    await running?.stop();
  });
  return {
    get url() {
      if (running === undefined) throw new Error("sandbox not started yet");
      return running.url;
    },
    get control() {
      if (control === undefined) throw new Error("sandbox not started yet");
      return control;
    },
  };
}
