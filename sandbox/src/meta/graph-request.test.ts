import { describe, expect, it } from "vitest";
import { toGraphRequest } from "./graph-request.ts";

const base = { method: "GET", body: undefined, authorization: undefined, origin: "http://h:1" };

describe("graph request", () => {
  it("splits version and segments and merges query with body (body wins)", () => {
    const r = toGraphRequest({ ...base, method: "POST", url: "/v24.0/act_9/campaigns?name=q&access_token=T", body: { name: "b" } });
    expect(r).toMatchObject({ method: "POST", version: "v24.0", segments: ["act_9", "campaigns"], path: "/v24.0/act_9/campaigns", token: "T" });
    expect(r?.params.name).toBe("b");
    expect(r?.query.get("name")).toBe("q");
  });

  it("accepts /vN/ and refuses paths without a version", () => {
    expect(toGraphRequest({ ...base, url: "/v25/123" })?.segments).toEqual(["123"]);
    expect(toGraphRequest({ ...base, url: "/act_1/campaigns" })).toBeUndefined();
    expect(toGraphRequest({ ...base, url: "/v24.1/act_1" })).toBeUndefined();
  });

  it("takes the token from the body or from a Bearer / OAuth header", () => {
    expect(toGraphRequest({ ...base, method: "POST", url: "/v24.0/1", body: { access_token: "B" } })?.token).toBe("B");
    expect(toGraphRequest({ ...base, url: "/v24.0/1", authorization: "Bearer H1" })?.token).toBe("H1");
    expect(toGraphRequest({ ...base, url: "/v24.0/1", authorization: "OAuth H2" })?.token).toBe("H2");
    expect(toGraphRequest({ ...base, url: "/v24.0/1", authorization: "Basic xyz" })?.token).toBeUndefined();
  });

  it("honours Graph's method override", () => {
    expect(toGraphRequest({ ...base, url: "/v24.0/1?method=delete" })?.method).toBe("DELETE");
    expect(toGraphRequest({ ...base, url: "/v24.0/1?method=post&name=x" })?.method).toBe("POST");
  });
});
