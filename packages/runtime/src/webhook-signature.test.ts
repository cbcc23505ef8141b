import { describe, expect, it } from "vitest";
import { newWebhookSecret, signWebhook, webhookSignatureHeader } from "./webhook-signature.ts";

describe("Standard Webhooks signatures", () => {
  it("reproduce the specification's published test vector", () => {
    expect(signWebhook("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, '{"test": 2432232314}')).toBe(
      "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
    );
  });

  it("accept the secret without its prefix and sign the exact bytes", () => {
    const a = signWebhook("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, '{"test": 2432232314}');
    expect(a).toBe("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    expect(signWebhook("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, '{"test":2432232314}')).not.toBe(a);
  });

  it("list one signature per secret during a rotation overlap", () => {
    const [a, b] = [newWebhookSecret(), newWebhookSecret()];
    const header = webhookSignatureHeader([a, b], "evt_1", 1_700_000_000, "{}");
    expect(header.split(" ")).toEqual([signWebhook(a, "evt_1", 1_700_000_000, "{}"), signWebhook(b, "evt_1", 1_700_000_000, "{}")]);
  });

  it("make whsec_ secrets of 24 to 64 random bytes", () => {
    const s = newWebhookSecret();
    expect(s).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    expect(Buffer.from(s.slice(6), "base64")).toHaveLength(32);
    expect(newWebhookSecret()).not.toBe(s);
    expect(() => newWebhookSecret(16)).toThrow(RangeError);
  });
});
