import list from "./common-passwords.json";

let known: Set<string> | undefined;

// Common passwords are the first ones guessed in a credential-stuffing or spraying attack,
// whatever their length. The bundled list is lowercase, so the check ignores case and the
// surrounding spaces a person may add.
export function isCommonPassword(password: string): boolean {
  known ??= new Set(list);
  return known.has(password.trim().toLowerCase());
}

export const commonPasswordMessage =
  "This password is on a list of common passwords that attackers try first. Choose another one: a few unrelated words make a strong password that is easy to remember.";
