import { runCli } from './output.js';
import { buildProgram } from './program.js';

await runCli(buildProgram(), process.argv);
