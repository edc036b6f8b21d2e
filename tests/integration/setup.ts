import { inject } from "vitest";

// Runs before each test file imports app modules, so lib/env sees the test database.
process.env.DATABASE_URL = inject("databaseUrl");
process.env.FRAMEWISE_TEST_ADMIN_URL = inject("adminUrl");
process.env.NEXTAUTH_SECRET ??= "integration-tests-secret-integration-tests";
