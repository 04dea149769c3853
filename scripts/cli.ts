/** `npm run cli -- …`: the ECB Lens command line; all logic lives in lib/cli. */
import { run } from '../lib/cli/main';

run(process.argv.slice(2), process).then((code) => {
  process.exitCode = code;
});
