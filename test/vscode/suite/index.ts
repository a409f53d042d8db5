/**
 * The tests module VS Code's extension host loads (`--extensionTestsPath`) and whose run() it awaits:
 * a resolved promise is exit code 0, a rejected one 1. Runs every `*.test.js` compiled beside this file,
 * or with VSCODE_TEST_ONLY=word only the files whose name contains it (the variable reaches the host).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  // No colors: the output is relayed as plain log lines through the workbench to the launcher.
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000 });
  // Flat folder read instead of a glob dependency; sorted so the order is the same on every machine.
  for (const name of fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.test.js') && (!process.env.VSCODE_TEST_ONLY || f.includes(process.env.VSCODE_TEST_ONLY)))
    .sort()) {
    mocha.addFile(path.join(__dirname, name));
  }
  return new Promise((resolve, reject) => {
    try {
      mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} test(s) failed`)) : resolve()));
    } catch (err) {
      reject(err instanceof Error ? err : new Error(String(err)));
    }
  });
}
