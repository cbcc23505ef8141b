import { GraphError } from "./graph-error.ts";

/**
 * Every failure the Meta surface answers with, in one place. Codes and subcodes follow
 * platform-apis.md §5; where Meta's exact wording is unknown the text is ours, but the code,
 * subcode, type and HTTP status are what clients branch on.
 */

/** Code 100 on a named parameter; `error_user_msg` and `blame_field_specs` name the field. */
export function invalidParam(field: string, userMsg: string, opts: { title?: string; subcode?: number } = {}): GraphError {
  return new GraphError({
    status: 400,
    code: 100,
    message: `(#100) ${userMsg}`,
    ...(opts.subcode === undefined ? {} : { subcode: opts.subcode }),
    userTitle: opts.title ?? "Invalid parameter",
    userMsg,
    errorData: { blame_field_specs: [[field]] },
  });
}

export function missingParam(field: string): GraphError {
  return invalidParam(field, `The parameter ${field} is required`, { title: "Missing parameter" });
}

/** Unknown id, or an id the token may not see: Meta does not tell the two apart. */
export function unknownObject(id: string, method: string): GraphError {
  const verb = method.toLowerCase();
  return new GraphError({
    status: 400,
    type: "GraphMethodException",
    code: 100,
    subcode: 33,
    message:
      `Unsupported ${verb} request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, ` +
      "or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api",
  });
}

export function unknownPath(components: string): GraphError {
  return new GraphError({ status: 400, code: 2500, message: `Unknown path components: ${components}` });
}

export function nonexistingField(field: string, nodeType: string): GraphError {
  return new GraphError({ status: 400, code: 100, message: `(#100) Tried accessing nonexisting field (${field}) on node type (${nodeType})` });
}

export function missingToken(): GraphError {
  return new GraphError({ status: 400, code: 190, message: "An access token is required to request this resource." });
}

export function invalidToken(): GraphError {
  return new GraphError({ status: 400, code: 190, message: "Invalid OAuth access token - Cannot parse access token" });
}

export function expiredToken(): GraphError {
  return new GraphError({
    status: 400,
    code: 190,
    subcode: 463,
    message: "Error validating access token: Session has expired.",
  });
}

/** Code 2, HTTP 500: the answer a client must treat as "may or may not have happened". */
export function transientError(): GraphError {
  return new GraphError({ status: 500, code: 2, message: "An unexpected error has occurred. Please retry your request later.", isTransient: true });
}

/** Last-resort answer for a sandbox bug, shaped like Meta's unknown error. */
export function unknownError(): GraphError {
  return new GraphError({ status: 500, code: 1, message: "An unknown error occurred", isTransient: false });
}

export type ThrottleCode = 17 | 613 | 80004;

/** A throttle is an error body (HTTP 400), never a 429; the usage header says when access returns. */
export function throttled(code: ThrottleCode, usageHeader: string): GraphError {
  const headers = { "x-business-use-case-usage": usageHeader };
  if (code === 17) {
    return new GraphError({
      status: 400,
      code: 17,
      subcode: 2446079,
      message: "(#17) User request limit reached",
      userTitle: "Ad Account Has Too Many API Calls",
      userMsg: "There have been too many calls from this ad-account. Please wait a bit and try again.",
      isTransient: true,
      headers,
    });
  }
  if (code === 613) {
    return new GraphError({
      status: 400,
      code: 613,
      subcode: 1487742,
      message: "(#613) Calls to this api have exceeded the rate limit.",
      userTitle: "Too many calls",
      userMsg: "There have been too many calls from this ad-account. Wait a bit and try again.",
      isTransient: true,
      headers,
    });
  }
  return new GraphError({
    status: 400,
    code: 80004,
    message:
      "(#80004) There have been too many calls to this ad-account. Wait a bit and try again. " +
      "For more info, please refer to https://developers.facebook.com/docs/graph-api/overview/rate-limiting#ads-management.",
    isTransient: true,
    headers,
  });
}

/**
 * Meta's ad set budget change limit: code 17 like the account-level throttle, told apart by the
 * endpoint (a budget change of an ad set) and by carrying no subcode 2446079. Meta documents no
 * subcode or text of its own for it; the user title and message here are ours.
 */
export function adSetBudgetChangeLimit(adSetId: string): GraphError {
  return new GraphError({
    status: 400,
    code: 17,
    message: "(#17) User request limit reached",
    userTitle: "Ad Set Budget Change Limit Reached",
    userMsg: `The budget of ad set ${adSetId} has changed too often in the last hour; it cannot change again for now. Try again later.`,
    isTransient: true,
  });
}

/** The request breaks the ARCHIVED/DELETED rules or another state rule of the object. */
export function invalidState(field: string, userMsg: string): GraphError {
  return invalidParam(field, userMsg, { title: "Invalid Update" });
}

/**
 * A budget on an ad set whose campaign has a campaign budget (or the reverse): Meta keeps the
 * budget at one level and answers this with subcode 1885621 (platform-apis.md §4).
 */
export function budgetLevelConflict(field: string, userMsg: string): GraphError {
  return invalidParam(field, userMsg, { subcode: 1885621 });
}

/** DELETE of a creative that ads still show: Meta refuses until those ads are deleted or changed. */
export function creativeInUse(creativeId: string, adIds: readonly string[]): GraphError {
  const shown = adIds.slice(0, 5).join(", ");
  return new GraphError({
    status: 400,
    code: 100,
    message: `(#100) The ad creative ${creativeId} is in use by ${adIds.length} ad(s) (${shown}${adIds.length > 5 ? ", …" : ""}) and can't be deleted.`,
    userTitle: "Creative In Use",
    userMsg: "This creative is used by ads that are not deleted. Delete those ads or give them another creative first.",
    errorData: { blame_field_specs: [["creative"]] },
  });
}
