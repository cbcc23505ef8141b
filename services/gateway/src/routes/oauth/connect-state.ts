import { createHash, randomBytes } from "node:crypto";
import type { FastifyRequest } from "fastify";
import type { ConnectSettings } from "./connect-settings.ts";

/**
 * A state is 32 random bytes (base64url): unguessable. Only its sha256 is stored, so a database
 * reader cannot finish someone's connection; the row binds it to org, project, platform and returnUrl.
 */
export function newStateValue(): string {
  return randomBytes(32).toString("base64url");
}

export function stateId(state: string): string {
  return createHash("sha256").update(state).digest("hex");
}

/** Well-formed state values only reach the database (anything else is a bad state at once). */
export function plausibleState(raw: unknown): raw is string {
  return typeof raw === "string" && /^[A-Za-z0-9_-]{43}$/.test(raw);
}

/** Absolute base of the callback and Apple page URLs: PUBLIC_BASE_URL, else the request's own origin. */
export function publicBase(s: ConnectSettings, req: FastifyRequest): string {
  return s.publicBaseUrl ?? `${req.protocol}://${req.host}`;
}

/** Must be the same in the dialog URL and the code exchange (Meta compares them). */
export function callbackUrl(s: ConnectSettings, req: FastifyRequest, platform: "meta" | "tiktok"): string {
  return `${publicBase(s, req)}/v1/oauth/callback/${platform}`;
}
