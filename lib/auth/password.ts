import { hash, verify } from "@node-rs/argon2";

// OWASP's argon2id baseline (19 MiB, 2 iterations, 1 lane).
// `algorithm: 2` is Argon2id; the package's enum is an ambient const enum that
// verbatimModuleSyntax cannot import.
const options = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export async function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

// Verifying against a throwaway hash when the email is unknown keeps the response
// time the same as for a wrong password.
export async function burnVerifyTime(password: string): Promise<void> {
  dummyHash ??= hashPassword("framewise-timing-equaliser");
  await verifyPassword(await dummyHash, password);
}
