/** Publishing command for a static data folder: change files, and writing them into the collections' files (see scripts/publish/publishChanges.ts). */
import { main } from './publish/publishChanges';

process.exitCode = main(process.argv.slice(2));
