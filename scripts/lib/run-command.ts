import { spawn } from "node:child_process";

export type RunResult = { code: number };
export type Env = Record<string, string | undefined>;

// Runs a command with the terminal attached and resolves with its exit code.
export function run(command: string, args: string[], env: Env = {}): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      stdio: "inherit",
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env },
    });
    child.on("error", (error) => {
      console.error(`Could not run ${command}: ${error.message}`);
      resolve({ code: 1 });
    });
    child.on("close", (code, signal) => resolve({ code: code ?? (signal ? 1 : 0) }));
  });
}
