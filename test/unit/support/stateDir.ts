/**
 * Loaded by mocha before any test (.mocharc.json `require`): the apply lock and other per-user
 * state go to a fresh folder, not the developer's own state directory. Child processes (the CLI
 * under test) inherit it through the environment.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

process.env.KEAP_VAULT_STATE_DIR ??= mkdtempSync(path.join(tmpdir(), 'keap-vault-state-'));
