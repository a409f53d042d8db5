"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.registerPingCommand = registerPingCommand;
const connection_1 = require("../connection");
const output_1 = require("../output");
function registerPingCommand(program, io) {
    program
        .command('ping')
        .alias('whoami')
        .description('check that the credential works and show the quota Keap reports')
        .option('--json', 'machine-readable output')
        .action(async (flags, command) => {
        const client = (0, connection_1.clientFromFlags)(command.optsWithGlobals());
        const result = await client.ping();
        if (flags.json)
            return (0, output_1.printJson)(io, result);
        io.out(`Connected to ${result.baseUrl} (${result.ms} ms)`);
        for (const q of result.quota) {
            const unit = q.windowMs >= 86_400_000 ? 'day' : q.windowMs >= 60_000 ? 'minute' : 'second';
            io.out(`  ${q.scope} quota: ${q.available} of ${q.limit} per ${unit} left`);
        }
    });
}
//# sourceMappingURL=ping.js.map