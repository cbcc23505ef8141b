/**
 * The `/docs` page: Swagger UI from the `swagger-ui-dist` package, every asset served by the
 * gateway itself (no CDN, no web fonts: the page works with no internet). The script that starts
 * it is a file of its own, not inline, so a strict Content-Security-Policy can allow `'self'` only.
 * URLs are relative to the page (`/docs` → `docs/…`, `openapi.json`), so a proxy that mounts the
 * gateway under a path prefix serves the page whole.
 */
export const DOCS_ASSETS = {
  "swagger-ui.css": "text/css; charset=utf-8",
  "swagger-ui-bundle.js": "text/javascript; charset=utf-8",
} as const;
export type DocsAsset = keyof typeof DOCS_ASSETS;

export function docsPageHtml(title: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="docs/swagger-ui.css">
</head>
<body>
<div id="reference"></div>
<script src="docs/swagger-ui-bundle.js"></script>
<script src="docs/start.js"></script>
</body>
</html>
`;
}

/** Starts Swagger UI on `/openapi.json`; `validatorUrl: null` keeps it from calling the public validator. */
export const DOCS_START_JS = `window.addEventListener("load", function () {
  window.ui = SwaggerUIBundle({
    url: "openapi.json",
    dom_id: "#reference",
    validatorUrl: null,
    deepLinking: true,
    displayOperationId: true,
    docExpansion: "list",
    presets: [SwaggerUIBundle.presets.apis],
    layout: "BaseLayout"
  });
});
`;

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
