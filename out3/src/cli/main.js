"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.buildProgram = buildProgram;
exports.runCli = runCli;
/**
 * keap-vault: the command line on the same core as the extension.
 * Exit codes: 0 ok, 1 findings or failure, 2 usage, 75 an apply stopped for Keap's quota by --max-wait
 * (continue it with `apply --resume`).
 */
const commander_1 = require("commander");
const errors_1 = require("../core/errors");
const demo_1 = require("./commands/demo");
const diff_1 = require("./commands/diff");
const disaster_1 = require("./commands/disaster");
const emulator_1 = require("./commands/emulator");
const export_1 = require("./commands/export");
const orders_1 = require("./commands/orders");
const ping_1 = require("./commands/ping");
const remap_1 = require("./commands/remap");
const restore_1 = require("./commands/restore");
const snapshot_1 = require("./commands/snapshot");
const validate_1 = require("./commands/validate");
const liveSnapshot_1 = require("./liveSnapshot");
const latest_1 = require("./latest");
const connection_1 = require("./connection");
const output_1 = require("./output");
const systemErrors_1 = require("../core/fs/systemErrors");
const dataDir_1 = require("../core/fs/dataDir");
function buildProgram(io) {
    const program = new commander_1.Command('keap-vault')
        .description('Snapshot, validate and safely restore a Keap account (REST v2). Credential from KEAP_API_KEY.')
        .version('0.1.0')
        .option('--url <baseUrl>', 'Keap REST base URL (default KEAP_API_URL or https://api.infusionsoft.com/crm/rest)')
        .option('--token-env <name>', 'environment variable holding the credential', 'KEAP_API_KEY')
        .option('--bearer', 'send the credential as Authorization: Bearer instead of X-Keap-API-Key')
        .option('--unlimited', 'do not pace requests (only for an emulator without quotas)')
        .option('--verbose', 'print every request to Keap on stderr: waits, retries and 429s included')
        .addHelpText('after', () => `\nSnapshots, restore plans and ledgers go to ${(0, dataDir_1.dataPaths)().root} unless a command is given another place (--dir, --out); set KEAP_VAULT_DATA_DIR to move them all.`)
        .exitOverride()
        .configureOutput({ writeOut: (s) => io.out(s.replace(/\n$/, '')), writeErr: (s) => io.err(s.replace(/\n$/, '')) });
    (0, demo_1.registerDemoCommand)(program, io);
    (0, emulator_1.registerEmulatorCommand)(program, io);
    (0, ping_1.registerPingCommand)(program, io);
    (0, orders_1.registerOrdersCommand)(program, io);
    (0, disaster_1.registerDisasterCommand)(program, io);
    (0, snapshot_1.registerSnapshotCommands)(program, io);
    (0, validate_1.registerValidateCommand)(program, io);
    (0, export_1.registerExportCommand)(program, io);
    (0, restore_1.registerRestoreCommands)(program, io);
    (0, remap_1.registerRemapCommand)(program, io);
    (0, diff_1.registerDiffCommand)(program, io, {
        captureLive: () => (0, liveSnapshot_1.captureLiveSnapshot)(program.opts(), io),
        latestSnapshot: () => (0, latest_1.latestSnapshotFile)((0, connection_1.clientFromFlags)(program.opts()), io, undefined, 'Comparing'),
    });
    for (const command of program.commands)
        command.exitOverride();
    return program;
}
async function runCli(argv, io = output_1.processIo) {
    try {
        await buildProgram(io).parseAsync(argv, { from: 'user' });
        return output_1.EXIT_OK;
    }
    catch (err) {
        if (err instanceof commander_1.CommanderError) {
            if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help')
                return output_1.EXIT_OK;
            return output_1.EXIT_USAGE;
        }
        if (err instanceof output_1.FindingsFound)
            return output_1.EXIT_FAILURE;
        if (err instanceof output_1.ApplyStoppedForQuota)
            return output_1.EXIT_PAUSED;
        if (err instanceof output_1.UsageError) {
            io.err(`keap-vault: ${err.message}`);
            return output_1.EXIT_USAGE;
        }
        if (err instanceof errors_1.KeapVaultError) {
            io.err(`keap-vault: ${err.message}`);
            return output_1.EXIT_FAILURE;
        }
        io.err(`keap-vault: ${(0, systemErrors_1.describeSystemError)(err) ?? err.message ?? String(err)}`);
        return output_1.EXIT_FAILURE;
    }
}
if (require.main === module) {
    // `keap-vault orders | head` closes the pipe early: that is not an error.
    for (const stream of [process.stdout, process.stderr]) {
        stream.on('error', (err) => {
            if (err.code === 'EPIPE')
                process.exit(process.exitCode ?? 0);
            throw err;
        });
    }
    void runCli(process.argv.slice(2)).then((code) => {
        process.exitCode = code;
    });
}
//# sourceMappingURL=main.js.map