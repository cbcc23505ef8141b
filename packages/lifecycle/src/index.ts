export {
  INTENT_MOVES,
  JOB_MOVES,
  PENDING_MOVES,
  FINISHED_INTENT_STATES,
  OPEN_INTENT_STATES,
  IllegalTransitionError,
  assertMove,
  canMove,
  fromStates,
  targetState,
  terminalStates,
  type IntentMove,
  type JobMove,
  type Machine,
  type Move,
  type PendingMove,
} from "./transitions.ts";
export { acceptWrite, type AcceptWriteInput } from "./accept.ts";
export { insertPendingAction, markPendingDispatchFailed, markUndecidable, storeDecision, storeDecisions, type DecisionToStore, type JobError, type PendingActionContent, type VerdictMove } from "./decision.ts";
export { claimIntent, claimIntents, deferIntent, handOnMsgId, nextWaiting, recordOutcome, recordOutcomes, releaseIntent, renewLease, type ClaimAttempt, type IntentView, type OutcomeToRecord, type Recorded, type WaitingWrite } from "./dispatch.ts";
export { followingWrites, recordSuperseded, supersededResult, type FollowingWrite, type SupersedeRecorded, type Superseder } from "./supersede.ts";
export { failureReason, landedResult, type EntityRef, type EntityRowPatch, type Failure, type Outcome, type OutcomeTarget } from "./outcome.ts";
export { enqueueEvents, lockUnpublishedEvents, markEventsPublished, outboxInsert, sweepPublishedEvents, type OutboxEvent, type UnpublishedEvent } from "./outbox.ts";
export { startOutboxRelay, OUTBOX_CHANNEL, type OutboxRelay, type OutboxRelayDeps } from "./outbox-relay.ts";
export { claimIntentsToRelay, claimWaitingToSweep, releaseRelayBookings, type IntentToRelay, type WaitingToSweep } from "./relay.ts";
export { approvePending, lockPendingAction, rejectPending } from "./approvals.ts";
export { cancelJob, isCancellable, rejectCreatedEntity, type CancelInput, type CancelResult } from "./cancel.ts";
export { jobEnded, jobEndedEvent } from "./job-ended.ts";
export { redriveIntent } from "./redrive.ts";
export { completeRunJob, createRunJob, failRunJobs, startRunJob } from "./run-jobs.ts";
export { pruneJobEvents, startJobEventsPruner, type JobEventsPruner } from "./job-events.ts";
