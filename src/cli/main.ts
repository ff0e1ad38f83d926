/** Entry point of the `motcua` command (bin/motcua.js, `npm run motcua`, `tsx src/cli/main.ts`). */
import { runCli } from './run-cli';

const code = await runCli(process.argv.slice(2));
process.exitCode = code;
