/**
 * The renderer's Content-Security-Policy, the same under both hosts: scripts only from
 * the app itself, no eval, no plugins, no framing, network only back to the host.
 * Inline styles are allowed because the component library sets style attributes.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
