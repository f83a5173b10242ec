/**
 * `npm run plan -- --date 2026-12-08 [--office config.json] [--level 3] [--officers cb1,cb2] …`:
 * the staffing plan of a day, printed and written as XLSX (apps/hub/src/planning/cli.ts).
 */
import { PLAN_USAGE, planCommand, UsageError } from '../src/planning/cli.js';

try {
  await planCommand(
    process.argv.slice(2),
    (text) => console.log(text),
    (text) => console.error(text),
  );
} catch (e) {
  if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    console.error(`${(e as Error).message}\n${PLAN_USAGE}`);
    process.exit(2);
  }
  console.error((e as Error).message);
  process.exit(1);
}
