/** Monthly-report command: the app's town statistics exports, made headlessly (see scripts/report/report.ts). */
import { main } from './report/report';

process.exitCode = await main(process.argv.slice(2));
