import { STATUS_CODES } from "node:http";
import type { Socket } from "node:net";
import type { FastifyReply, FastifyRequest } from "fastify";
import { ERROR_CODES, HEADERS, problemType, type ErrorCode, type Problem } from "@layers/contracts";
import type { Logger } from "@layers/runtime";
import { ApiError } from "../errors.ts";
import { newRequestId } from "../domain/request-id.ts";
import { PROBLEM_CONTENT_TYPE, sendProblem } from "./problem-errors.ts";

/** What Node's HTTP parser refused, as status and detail; the code is always VALIDATION (the caller sent it). */
export function protocolRefusal(errCode: string | undefined): { status: number; detail: string } {
  switch (errCode) {
    case "HPE_HEADER_OVERFLOW":
      return { status: 431, detail: "the request line and headers are larger than the server accepts" };
    case "ERR_HTTP_REQUEST_TIMEOUT":
    case "ERR_HTTP_HEADERS_TIMEOUT":
      return { status: 408, detail: "the request did not arrive in time" };
    case "HPE_INVALID_METHOD":
      return { status: 400, detail: "the request method is not an HTTP method the API knows" };
    case "HPE_UNEXPECTED_CONTENT_LENGTH":
    case "HPE_INVALID_TRANSFER_ENCODING":
      return { status: 400, detail: "the request framing is ambiguous (Content-Length with Transfer-Encoding, or a bad Transfer-Encoding)" };
    case "HPE_INVALID_URL":
      return { status: 400, detail: "the request target holds bytes a URL may not contain (send them percent-encoded)" };
    case "HPE_INVALID_HEADER_TOKEN":
    case "HPE_INVALID_CONSTANT":
      return { status: 400, detail: "a request header holds characters HTTP does not allow" };
    default:
      return { status: 400, detail: "the request is not valid HTTP" };
  }
}

export function problemOf(code: ErrorCode, status: number, detail: string, requestId: string): Problem {
  return { type: problemType(code), title: ERROR_CODES[code].title, status, detail, code, requestId };
}

/**
 * Fastify's `clientErrorHandler`: requests Node's HTTP parser refuses before Fastify sees them
 * (control bytes in the URL or a header, oversized headers, CL + TE, unknown methods) still get an
 * RFC 9457 problem with `code` and a fresh request id, then the connection is closed (the parser
 * cannot know where the next request would start).
 */
export function clientErrorHandler(log: Logger) {
  return (err: Error & { code?: string }, socket: Socket): void => {
    if (err.code === "ECONNRESET" || socket.destroyed) return;
    const { status, detail } = protocolRefusal(err.code);
    log.debug({ err: { message: err.message, code: err.code } }, "refused at the HTTP protocol level");
    answerOnSocket(socket, status, detail);
  };
}

/**
 * `CONNECT` (a proxy tunnel request) never reaches Fastify; without a listener Node just drops the
 * connection. The API is no proxy: answer it like any other refusal.
 */
export function refuseConnect(log: Logger) {
  return (_req: unknown, socket: Socket): void => {
    log.debug("refused a CONNECT request");
    answerOnSocket(socket, 400, "the API does not tunnel: CONNECT is not supported");
  };
}

/** Writes a problem straight on the socket (no request object exists at this level) and closes it. */
function answerOnSocket(socket: Socket, status: number, detail: string): void {
  const requestId = newRequestId();
  const body = JSON.stringify(problemOf("VALIDATION", status, detail, requestId));
  // An answer already under way on this connection cannot be followed by another one.
  const inFlight = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (socket.writable && !inFlight?.headersSent) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
        `Content-Type: ${PROBLEM_CONTENT_TYPE}\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        `${HEADERS.requestId}: ${requestId}\r\n` +
        `Connection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy();
}

/** Fastify's `frameworkErrors`: a URL that does not decode, a path segment longer than any id. */
export function frameworkErrorHandler(err: Error & { code?: string }, req: FastifyRequest, reply: FastifyReply): void {
  req.log.debug({ err }, "framework error");
  if (err.code === "FST_ERR_MAX_PARAM_LENGTH") {
    sendProblem(req, reply, new ApiError("NOT_FOUND", "a path segment is longer than any id: no such resource"));
    return;
  }
  sendProblem(req, reply, new ApiError("VALIDATION", "the request URL is malformed (bad percent-encoding)", { status: 400 }));
}
