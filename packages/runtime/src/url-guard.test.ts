import { describe, expect, it } from "vitest";
import { checkUrlResolves, checkUrlSyntax, isPublicAddress } from "./url-guard.ts";

const none = { allowHosts: [] as string[] };
const dev = { allowHosts: ["127.0.0.1", "localhost"] };

describe("url guard", () => {
  it.each([
    ["8.8.8.8", true],
    ["93.184.216.34", true],
    ["127.0.0.1", false],
    ["10.1.2.3", false],
    ["172.16.0.1", false],
    ["172.31.255.255", false],
    ["172.32.0.1", true],
    ["192.168.1.1", false],
    ["169.254.169.254", false],
    ["100.64.0.1", false],
    ["0.0.0.0", false],
    ["224.0.0.1", false],
    ["255.255.255.255", false],
    ["::1", false],
    ["::", false],
    ["fd00::1", false],
    ["fe80::1", false],
    ["::ffff:127.0.0.1", false],
    ["::ffff:8.8.8.8", true],
    ["2606:4700::1111", true],
    ["not-an-ip", false],
  ])("%s is public: %s", (ip, expected) => {
    expect(isPublicAddress(ip)).toBe(expected);
  });

  it.each([
    ["https://hooks.partner.example/layers", true],
    ["http://hooks.partner.example/layers", false],
    ["https://user:pw@hooks.partner.example/", false],
    ["https://127.0.0.1/hook", false],
    ["https://[::1]/hook", false],
    ["https://169.254.169.254/latest/meta-data", false],
    ["https://localhost/hook", false],
    ["https://metadata.google.internal/", false],
    ["ftp://hooks.partner.example/", false],
    ["/relative", false],
  ])("%s passes the syntax check: %s", (url, expected) => {
    expect(checkUrlSyntax(url, none).ok).toBe(expected);
  });

  it("lets allowlisted hosts use http and local addresses", () => {
    expect(checkUrlSyntax("http://127.0.0.1:9999/hook", dev).ok).toBe(true);
    expect(checkUrlSyntax("http://localhost:9999/hook", dev).ok).toBe(true);
    expect(checkUrlSyntax("http://10.0.0.5/hook", dev).ok).toBe(false);
  });

  it("refuses hosts that resolve to private addresses, after DNS", async () => {
    const resolver = async (host: string) => (host === "rebind.partner.example" ? ["8.8.8.8", "10.0.0.7"] : host === "ok.partner.example" ? ["93.184.216.34"] : []);
    const bad = await checkUrlResolves("https://rebind.partner.example/h", none, resolver);
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.reason).toContain("10.0.0.7");
    expect((await checkUrlResolves("https://ok.partner.example/h", none, resolver)).ok).toBe(true);
    expect((await checkUrlResolves("https://nowhere.partner.example/h", none, resolver)).ok).toBe(false);
  });
});
