// Starts a real `keyport serve` (its own PostgreSQL in a temporary directory) for the tests.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const OPERATOR_SECRET = "sdk-test-operator-secret";

export interface Running {
  baseUrl: string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

export async function startKeyport(): Promise<Running> {
  const binary = process.env.KEYPORT_BIN ?? join(process.env.HOME ?? "", ".cache/keyport-target/debug/keyport");
  const dataDir = mkdtempSync(join(tmpdir(), "keyport-sdk-"));
  const port = await freePort();
  const child: ChildProcess = spawn(binary, ["serve"], {
    env: {
      ...process.env,
      KEYPORT_BIND: `127.0.0.1:${port}`,
      KEYPORT_DATA_DIR: dataDir,
      KEYPORT_BOOTSTRAP_OPERATOR_SECRET: OPERATOR_SECRET,
      KEYPORT_LOG: "warn",
      KEYPORT_WEBHOOK_ALLOW_PRIVATE: "true",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${baseUrl}/readyz`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    baseUrl,
    async stop() {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGINT");
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
