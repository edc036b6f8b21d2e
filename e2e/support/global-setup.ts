// Refuses to run against anything but a database on this machine: the factories write rows.
export default function globalSetup() {
  const url = process.env.DATABASE_URL;
  if (!url) {
    throw new Error("DATABASE_URL is not set for the e2e run; use `npm run test:e2e`.");
  }
  const host = new URL(url).hostname;
  if (!["127.0.0.1", "localhost", "::1", "[::1]"].includes(host)) {
    throw new Error(`The e2e suite only runs against a local database, not ${host}.`);
  }
}
