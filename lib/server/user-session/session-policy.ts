// How long a signed-in browser stays signed in without coming back (the JWT's maxAge),
// and how often its "last seen" time is written.
export const sessionPolicy = {
  maxAgeSeconds: 30 * 24 * 60 * 60,
  touchIntervalMs: 60_000,
  userAgentMax: 512,
} as const;
