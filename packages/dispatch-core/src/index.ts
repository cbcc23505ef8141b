export type { AdapterContext, DispatchAdapter, Landed, PreparedWrite } from "./adapter.ts";
export { dispatchConfigSchema, quickRetryOf, type DispatchConfig, type QuickRetry } from "./config.ts";
export { announceTokenExpired, createDispatchHandler, type DispatchContext, type DispatchHandlerDeps } from "./dispatch-handler.ts";
export { startDispatcher, type DispatcherDeps, type RunningDispatcher } from "./start-dispatcher.ts";
export { fenceAndClaim, LANDED_STATES, releaseIntent, renewLease, type ClaimAttempt, type IntentView } from "./db/intents.repository.ts";
export { failureReason, landedResult, recordOutcome, type CampaignRowPatch, type Outcome, type OutcomeTarget } from "./db/outcome.repository.ts";
export { loadAdAccount, loadCampaignTarget, markTokenExpired, type AccountPlatform, type AdAccountTarget } from "./db/targets.repository.ts";
export { outcomeEvents, publishEvents, storedOutcome, tokenExpiredEvent } from "./events.ts";
export { keepLease } from "./lease-keeper.ts";
