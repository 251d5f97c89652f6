// Security constants shared by the engine (which serves the UI) and the desktop shell (which enforces
// them again for any response that lacks them).

/** The UI's Content-Security-Policy: own scripts and styles only, no plugins, no framing. */
export const UI_CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
