import { PermanentError } from "@layers/runtime";

/**
 * An intent message without its stored row. The gateway stores the row before it publishes, so this
 * is a foreign or forged message: never decided, kept as a dead letter.
 */
export class IntentNotFoundError extends PermanentError {
  constructor(intentId: string) {
    super("INTENT_NOT_FOUND", `intent ${intentId} was never accepted by a gateway (no write_intents row)`);
  }
}
