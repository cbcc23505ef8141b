import { AD_ACCOUNT_CONFLICT_REASONS } from "@layers/contracts";
import { ApiError } from "../../errors.ts";

/**
 * A write to an ad account that is not `connected` can never land: `409 CONFLICT` with a stable
 * `reason`, before the gate and before anything is stored (no job, intent or audit row). The
 * partner's fix is to reconnect (`oauth-url` with `adAccountId`).
 */
export function assertAccountConnected(status: string): void {
  if (status === "connected") return;
  if (status === "token_expired") {
    throw new ApiError("CONFLICT", "the ad account's token has expired or was revoked; reconnect it (POST …/ads/ad-accounts/oauth-url with adAccountId)", {
      reason: AD_ACCOUNT_CONFLICT_REASONS.token_expired,
    });
  }
  throw new ApiError("CONFLICT", "the ad account is disconnected; connect it again before writing to it", { reason: AD_ACCOUNT_CONFLICT_REASONS.disconnected });
}
