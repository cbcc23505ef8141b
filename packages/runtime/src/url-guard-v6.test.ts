import { describe, expect, it } from "vitest";
import { checkUrlSyntax, isPublicAddress } from "./url-guard.ts";

describe("url guard - IPv6 forms that embed an IPv4 address", () => {
  it.each([
    // The URL parser prints ::ffff:127.0.0.1 as ::ffff:7f00:1: both forms are the loopback.
    ["::ffff:7f00:1", false],
    ["::ffff:a9fe:a9fe", false],
    ["::ffff:0a00:0001", false],
    ["0:0:0:0:0:ffff:c0a8:0101", false],
    ["::ffff:0808:0808", true],
    ["::ffff:0:a00:1", false],
    ["::7f00:1", false],
    ["::127.0.0.1", false],
    ["2002:7f00:1::", false],
    ["2002:a9fe:a9fe::1", false],
    ["2002:0808:0808::1", true],
    ["fec0::1", false],
    ["2001:0:4136:e378::1", false],
    ["2001:db8::1", false],
    ["64:ff9b::a00:1", false],
    ["100::1", false],
    ["fe80::1%eth0", false],
    ["2606:4700:4700::1111", true],
    ["2a00:1450:4001:80b::200e", true],
  ])("%s is public: %s", (ip, expected) => {
    expect(isPublicAddress(ip)).toBe(expected);
  });

  it.each(["https://[::ffff:127.0.0.1]/", "https://[::ffff:a9fe:a9fe]/latest/meta-data", "https://[::127.0.0.1]/", "https://[::ffff:0:10.0.0.1]/", "https://[2002:7f00:1::]/"])(
    "%s is refused",
    (url) => {
      const v = checkUrlSyntax(url, { allowHosts: [] });
      expect(v.ok).toBe(false);
      expect(!v.ok && v.reason).toMatch(/is not a public address$/);
    },
  );
});
