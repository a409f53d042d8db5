/**
 * Loaded by mocha before any test (.mocharc.json `require`): the apply lock and other per-user
 * state, and the data a command writes when given no folder (snapshots, plans, ledgers), go to
 * fresh folders, not the developer's own state and data directories. Child processes (the CLI
 * under test) inherit them through the environment.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

process.env.KEAP_VAULT_STATE_DIR ??= mkdtempSync(path.join(tmpdir(), 'keap-vault-state-'));
process.env.KEAP_VAULT_DATA_DIR ??= mkdtempSync(path.join(tmpdir(), 'keap-vault-data-'));
