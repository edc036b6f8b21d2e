// The page proxy.ts sends, with status 503, while the database cannot be reached. Plain
// HTML with no script: it must render without the app (whose pages all need the database).
// It reloads itself, so an open tab comes back once the database does.

export const databaseUnavailableMessage =
  "Framewise can't reach its database right now. Your saved work is safe; try again in a moment.";

export const databaseUnavailableRetryAfterSeconds = 5;

export function renderDatabaseUnavailablePage({ nonce }: { nonce: string }): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="${databaseUnavailableRetryAfterSeconds * 2}">
<title>Try again in a moment · Framewise</title>
<style nonce="${nonce}">
body{margin:0;background:#fafaf9;color:#1c1917;font:16px/1.5 system-ui,sans-serif}
main{max-width:36rem;margin:20vh auto;padding:0 1rem}
h1{font-size:1.5rem;margin:0 0 .75rem}
a{color:inherit}
</style>
</head>
<body>
<main>
<h1>Try again in a moment</h1>
<p role="status">${databaseUnavailableMessage}</p>
<p>This page reloads by itself. <a href="">Reload now</a></p>
</main>
</body>
</html>
`;
}
