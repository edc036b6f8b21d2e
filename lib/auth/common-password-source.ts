// Where lib/auth/common-passwords.json comes from (scripts/generate-common-passwords.ts).
export const commonPasswordSource = {
  package: "@zxcvbn-ts/language-common@4.1.3 (src/passwords.json)",
  licence: "MIT",
} as const;

// Entries shorter than this are left out of the bundled list: the length rule
// (limits.passwordMin, at least this) already refuses them.
export const commonPasswordMinLength = 8;
