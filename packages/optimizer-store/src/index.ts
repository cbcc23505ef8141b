export { claimSyncTick, readMetrics, replaceLayerMetrics, type LayerScope, type MetricRow, type MetricsQuery } from "./metrics.ts";
export { poolRows, readOverrides, setCreativeOverride, type CreativeOverride, type PoolRow } from "./pool.ts";
export { insertProposal, openlyQueuedProposalKeys, recentlyDecidedEntities, type StoredProposal } from "./proposals.ts";
export { readRuns } from "./run-view.ts";
export { completeRun, failRun, failStaleRuns, insertRun, markRunning, openRunOf, STALE_RUN_ERROR, type NewRun } from "./runs.ts";
export type { DateWindow } from "./window.ts";
