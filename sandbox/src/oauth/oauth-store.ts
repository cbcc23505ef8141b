import { randomBytes } from "node:crypto";

export type OauthPlatform = "meta" | "tiktok" | "apple";

/** A person signed in to a platform's consent page (one per browser session), and the accounts they own. */
export interface SandboxUser {
  id: string;
  platform: OauthPlatform;
  accountIds: string[];
}

/** A consent page shown and not yet answered. */
export interface PendingAuthorization {
  id: string;
  platform: "meta" | "tiktok";
  userId: string;
  clientId: string;
  redirectUri: string;
  state: string | undefined;
  codeChallenge: string | undefined;
  expiresAt: number;
}

/** An authorization code (Meta `code`, TikTok `auth_code`): single use, short-lived. */
export interface AuthorizationCode {
  code: string;
  platform: "meta" | "tiktok";
  clientId: string;
  redirectUri: string;
  codeChallenge: string | undefined;
  accountIds: string[];
  userId: string;
  expiresAt: number;
  used: boolean;
}

/** Every token the sandbox issued (`GET /_sandbox/oauth/grants`); tests prove none is stored in clear. */
export interface IssuedGrant {
  platform: OauthPlatform;
  accessToken: string;
  kind: "short_lived" | "long_lived" | "advertiser" | "client_credentials";
  accountIds: string[];
  userId: string;
  clientId: string;
  issuedAt: string;
  expiresAt: string | null;
  revoked: boolean;
}

/** An Apple Ads API user: the public key a customer's admin uploaded, and the orgs it reaches. */
export interface AppleApiUser {
  clientId: string;
  teamId: string;
  keyId: string;
  publicKeyPem: string;
  orgIds: number[];
}

/** What the state file keeps (pending pages and codes are short-lived and are not kept). */
export interface OauthStoreSnapshot {
  users: SandboxUser[];
  sessions: Array<[string, string]>;
  grants: IssuedGrant[];
  appleUsers: AppleApiUser[];
}

/** The sandbox's OAuth state: users and their sessions, codes, issued grants, Apple API users. */
export class OauthStore {
  readonly users = new Map<string, SandboxUser>();
  /** `${platform}:${session cookie}` → user id. */
  readonly sessions = new Map<string, string>();
  readonly pending = new Map<string, PendingAuthorization>();
  readonly codes = new Map<string, AuthorizationCode>();
  readonly grants = new Map<string, IssuedGrant>();
  readonly appleUsers = new Map<string, AppleApiUser>();

  static newSecret(bytes = 24): string {
    return randomBytes(bytes).toString("base64url");
  }

  static fromSnapshot(s: OauthStoreSnapshot | undefined): OauthStore {
    const store = new OauthStore();
    if (s === undefined) return store;
    for (const u of s.users) store.users.set(u.id, u);
    for (const [k, v] of s.sessions) store.sessions.set(k, v);
    for (const g of s.grants) store.grants.set(g.accessToken, g);
    for (const a of s.appleUsers) store.appleUsers.set(a.clientId, a);
    return store;
  }

  snapshot(): OauthStoreSnapshot {
    return { users: [...this.users.values()], sessions: [...this.sessions.entries()], grants: [...this.grants.values()], appleUsers: [...this.appleUsers.values()] };
  }

  grantList(platform?: OauthPlatform): IssuedGrant[] {
    return [...this.grants.values()].filter((g) => platform === undefined || g.platform === platform);
  }
}
