import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { renderClientSchema } from "./render-client-schema.ts";

const client = new URL("../../../packages/client/", import.meta.url);

describe("packages/client/src/schema.ts", () => {
  it("is exactly what openapi-typescript generates from the committed openapi.json (regenerate with pnpm client:generate)", async () => {
    const document = JSON.parse(await readFile(new URL("openapi.json", client), "utf8")) as object;
    const committed = await readFile(new URL("src/schema.ts", client), "utf8");
    expect(committed).toBe(await renderClientSchema(document));
  });

  it("changes when the document changes (the comparison can fail)", async () => {
    const document = JSON.parse(await readFile(new URL("openapi.json", client), "utf8")) as { paths: Record<string, unknown> };
    const fewer = { ...document, paths: Object.fromEntries(Object.entries(document.paths).slice(1)) };
    expect(await renderClientSchema(fewer)).not.toBe(await renderClientSchema(document));
  });
});
