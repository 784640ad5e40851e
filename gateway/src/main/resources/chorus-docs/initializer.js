// Swagger UI for the gateway's merged API document. A file rather than an inline script, so that the page keeps
// the gateway's Content-Security-Policy (script-src 'self').
window.addEventListener('load', function () {
  window.ui = SwaggerUIBundle({
    url: 'openapi.json',
    dom_id: '#swagger-ui',
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis],
    layout: 'BaseLayout'
  });
});
