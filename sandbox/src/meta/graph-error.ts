import { randomBytes } from "node:crypto";

/** The body Meta wraps every failure in: `{"error": GraphErrorBody}`. */
export interface GraphErrorBody {
  message: string;
  type: string;
  code: number;
  error_subcode?: number;
  error_user_title?: string;
  error_user_msg?: string;
  error_data?: Record<string, unknown>;
  is_transient: boolean;
  fbtrace_id: string;
}

export interface GraphErrorInit {
  status: number;
  message: string;
  type?: string;
  code: number;
  subcode?: number;
  userTitle?: string;
  userMsg?: string;
  errorData?: Record<string, unknown>;
  isTransient?: boolean;
  /** Extra response headers, e.g. the usage header a throttle answer carries. */
  headers?: Record<string, string>;
}

/** A Graph API failure, thrown anywhere in request handling and rendered once by the route. */
export class GraphError extends Error {
  readonly status: number;
  readonly type: string;
  readonly code: number;
  readonly subcode: number | undefined;
  readonly userTitle: string | undefined;
  readonly userMsg: string | undefined;
  readonly errorData: Record<string, unknown> | undefined;
  readonly isTransient: boolean;
  readonly headers: Record<string, string>;

  constructor(init: GraphErrorInit) {
    super(init.message);
    this.name = "GraphError";
    this.status = init.status;
    this.type = init.type ?? "OAuthException";
    this.code = init.code;
    this.subcode = init.subcode;
    this.userTitle = init.userTitle;
    this.userMsg = init.userMsg;
    this.errorData = init.errorData;
    this.isTransient = init.isTransient ?? false;
    this.headers = init.headers ?? {};
  }

  toBody(fbtraceId: string = newFbtraceId()): { error: GraphErrorBody } {
    const body: GraphErrorBody = { message: this.message, type: this.type, code: this.code, is_transient: this.isTransient, fbtrace_id: fbtraceId };
    if (this.subcode !== undefined) body.error_subcode = this.subcode;
    if (this.userTitle !== undefined) body.error_user_title = this.userTitle;
    if (this.userMsg !== undefined) body.error_user_msg = this.userMsg;
    if (this.errorData !== undefined) body.error_data = this.errorData;
    return { error: body };
  }
}

/** Meta's trace ids are short opaque base64 strings; clients log them, nothing parses them. */
export function newFbtraceId(): string {
  return randomBytes(8).toString("base64url").slice(0, 11);
}
