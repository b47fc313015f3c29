/** `npm run db:setup`: creates the constraints and indexes (idempotent) and reports what is new. */
import { loadConfig } from '../src/main/config/env';
import { resolveAppPaths } from '../src/main/config/paths';
import { connectDatabase } from '../src/main/db/connection';
import { setupSchema } from '../src/main/db/schema';
import { runMain } from './run-main';

await runMain(async () => {
  const config = loadConfig();
  const db = await connectDatabase(config, resolveAppPaths(config), {
    onProgress: (m) => console.error(m),
  });
  try {
    const result = await setupSchema(db.driver, db.settings.database);
    console.log(`Connected to Neo4j ${db.info.version} (${db.info.edition}) at ${db.settings.uri}`);
    if (result.created.length)
      console.log(`Created ${result.created.length}: ${result.created.join(', ')}`);
    else console.log('Nothing new: every constraint and index already exists.');
    console.log(
      `${result.existing.length} already present; done in ${result.seconds.toFixed(1)} s.`,
    );
  } finally {
    await db.close();
  }
});
