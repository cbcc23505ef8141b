import { UsageError } from "./commands/orgs.ts";

/**
 * The one line an ops command prints when it fails, and its exit code: 2 for a mistake in how it
 * was called (a usage error, an option `parseArgs` does not know), 1 for anything else. Never the
 * whole usage text and never a stack: the line names what was wrong.
 */
export function describeFailure(err: unknown): { line: string; exitCode: 1 | 2 } {
  const usage = err instanceof UsageError || isParseArgsError(err);
  return { line: `error: ${oneLine(messageOf(err))}${usage ? " (./dev ops help lists the commands)" : ""}`, exitCode: usage ? 2 : 1 };
}

function isParseArgsError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === "string" && code.startsWith("ERR_PARSE_ARGS_");
}

/** A message that says something: a connection refused by every address is an AggregateError with an empty message. */
function messageOf(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  if (err.message) return err.message;
  if (err instanceof AggregateError && err.errors.length > 0) return messageOf(err.errors[0]);
  const code = (err as { code?: unknown }).code;
  return typeof code === "string" ? code : err.name;
}

function oneLine(s: string): string {
  return s.replace(/\s*\n\s*/g, "; ").trim();
}
