import { request } from "node:http";
import { existsSync } from "node:fs";

/** True when a Docker engine answers on its socket (CI machines of this project have none). */
export async function dockerAvailable(socket = "/var/run/docker.sock"): Promise<boolean> {
  if (process.env.DOCKER_HOST) return true;
  if (!existsSync(socket)) return false;
  return new Promise((resolve) => {
    const req = request({ socketPath: socket, path: "/_ping", timeout: 1_000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on("error", () => resolve(false));
    req.on("timeout", () => {
      req.destroy();
      resolve(false);
    });
    req.end();
  });
}
