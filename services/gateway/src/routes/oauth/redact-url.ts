/**
 * Query parameters that are credentials in the connect flow: the one-time `state` and the platforms'
 * authorization codes. They are blanked in log lines (the access log records every URL).
 */
const SECRET_PARAMS = ["state", "code", "auth_code", "access_token", "code_verifier"];

export function redactUrl(url: string): string {
  const q = url.indexOf("?");
  if (q === -1) return url;
  const params = new URLSearchParams(url.slice(q + 1));
  let changed = false;
  for (const p of SECRET_PARAMS) {
    if (params.has(p)) {
      params.set(p, "[redacted]");
      changed = true;
    }
  }
  return changed ? `${url.slice(0, q)}?${params.toString()}` : url;
}
