#!/usr/bin/env node
/**
 * Runs extension integration tests inside a real VS Code extension host on machines where desktop VS Code
 * cannot be downloaded: code-server (VS Code's server + web workbench, installed by
 * scripts/install-code-server.sh) runs the extension host, headless Debian Chromium runs the workbench.
 *
 * Usage, either directly:
 *   test/vscode/launcher.js --extensionDevelopmentPath=DIR --extensionTestsPath=FILE [WORKSPACE_DIR]
 * or as `vscodeExecutablePath` of @vscode/test-electron's runTests(), which spawns it with those two flags
 * plus desktop-only ones (--no-sandbox, --user-data-dir=..., ...) that are ignored here: every run gets fresh
 * user-data and extensions folders so no state leaks between runs.
 *
 * Exit code: 0 when the tests' run() resolved, 1 when it failed (or anything broke), 2 on bad usage.
 *
 * Environment (all optional):
 *   CODE_SERVER              code-server entry (default: .vscode-test/code-server-4.100.3 of this repo)
 *   CHROMIUM                 browser binary (default /usr/bin/chromium)
 *   VSCODE_TEST_PORT         fixed port (default: a free loopback port)
 *   VSCODE_TEST_TIMEOUT_MS   overall limit for the whole run (default 300000)
 *   VSCODE_TEST_SCREENSHOT   PNG path: screenshot of the workbench after the tests, before closing
 *   VSCODE_TEST_VSIX         a .vsix to install into the run's extensions folder first (tests of the package
 *                            as users get it; pass an empty extension as --extensionDevelopmentPath then)
 *   VSCODE_TEST_SCREENSHOT_DIR  folder for the screenshots tests ask for by logging `[screenshot] NAME` (NAME may be `folder/name`, a folder inside it)
 *                            (the variable reaches the extension host, so tests know to ask)
 *   VSCODE_TEST_VERBOSE=1    also relay browser console and the workbench's own log noise
 *   VSCODE_TEST_KEEP=1       keep the run folder (logs, user data) even when the tests pass
 */
'use strict';
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const http = require('node:http');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const util = require('node:util');

const REPO = path.resolve(__dirname, '..', '..');
const CS_VERSION = '4.100.3';
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)}s`;
const say = (msg) => console.log(`[vscode-launcher] ${msg}`);

function parseArgs(argv) {
  const out = { ext: undefined, tests: undefined, workspace: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    let m;
    if ((m = a.match(/^--extensionDevelopmentPath(?:=(.*))?$/))) out.ext = m[1] ?? argv[++i];
    else if ((m = a.match(/^--extensionTestsPath(?:=(.*))?$/))) out.tests = m[1] ?? argv[++i];
    // test-electron puts launchArgs' workspace folder among its flags; every flag it adds uses `=`,
    // so a bare word can only be that folder.
    else if (!a.startsWith('-')) out.workspace = a;
  }
  return out;
}

/** The code-server entry script, run with this very Node: its native modules were built for it. */
function codeServerEntry() {
  const bin =
    process.env.CODE_SERVER || path.join(REPO, '.vscode-test', `code-server-${CS_VERSION}`, 'node_modules', '.bin', 'code-server');
  if (!fs.existsSync(bin)) {
    throw new Error(`code-server not found at ${bin}: run \`npm run install:vscode\` first`);
  }
  return fs.realpathSync(bin);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function healthy(port) {
  return new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/healthz', timeout: 2000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(false));
  });
}

/** The run's scratch folder. Short tmp paths on purpose: VS Code puts unix sockets under user-data (108-byte limit). */
function makeRunDir() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'keap-vault-vscode-'));
  fs.mkdirSync(path.join(dir, 'user-data', 'User'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'extensions'), { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'user-data', 'User', 'settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'telemetry.telemetryLevel': 'off',
        'update.mode': 'none',
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'workbench.enableExperiments': false,
        'security.workspace.trust.enabled': false,
        'chat.disableAIFeatures': true,
      },
      null,
      2,
    ),
  );
  // An empty config file of our own, so the user's ~/.config/code-server/config.yaml (password, bind-addr...)
  // is neither read nor created.
  fs.writeFileSync(path.join(dir, 'config.yaml'), '');
  return dir;
}

/** The environment code-server (and so the extension host) gets: the caller's, minus what would hijack it. */
function codeServerEnv() {
  const env = { ...process.env, EXTENSIONS_GALLERY: '{}' };
  // PORT and CODE_SERVER_HOST override --bind-addr; VSCODE_IPC_HOOK_CLI (set in VS Code / code-server
  // terminals) makes code-server hand the folder to that running instance instead of starting.
  for (const k of [
    'PORT',
    'CODE_SERVER_HOST',
    'VSCODE_IPC_HOOK_CLI',
    'CODE_SERVER_SESSION_SOCKET',
    'PASSWORD',
    'HASHED_PASSWORD',
    'ELECTRON_RUN_AS_NODE',
  ])
    delete env[k];
  return env;
}

/** Installs a packaged extension into the run's extensions folder, as a user would. */
function installVsix(runDir, vsix) {
  const { spawnSync } = require('node:child_process');
  const result = spawnSync(
    process.execPath,
    [
      codeServerEntry(),
      '--config',
      path.join(runDir, 'config.yaml'),
      '--user-data-dir',
      path.join(runDir, 'user-data'),
      '--extensions-dir',
      path.join(runDir, 'extensions'),
      '--install-extension',
      path.resolve(vsix),
    ],
    { env: codeServerEnv(), encoding: 'utf8', timeout: 120_000 },
  );
  if (result.status !== 0) throw new Error(`installing ${vsix} failed:\n${result.stdout}\n${result.stderr}`);
  say(`installed ${path.basename(vsix)}: ${result.stdout.trim().split('\n').pop()}`);
}

/** Starts code-server in its own process group (so the end can kill all it spawned) and waits for /healthz. */
async function startCodeServer(runDir, workspace, attempt = 1) {
  const port = Number(process.env.VSCODE_TEST_PORT) || (await freePort());
  const logPath = path.join(runDir, `code-server.log`);
  const log = fs.createWriteStream(logPath, { flags: 'a' });
  const cs = spawn(
    process.execPath,
    [
      codeServerEntry(),
      '--config',
      path.join(runDir, 'config.yaml'),
      '--auth',
      'none',
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--user-data-dir',
      path.join(runDir, 'user-data'),
      '--extensions-dir',
      path.join(runDir, 'extensions'),
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--ignore-last-opened',
      workspace,
    ],
    { env: codeServerEnv(), stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  // end: false, as two streams share one file: the first to end must not close it under the other.
  cs.stdout.pipe(log, { end: false });
  cs.stderr.pipe(log, { end: false });
  cs.once('close', () => log.end());
  let exited = false;
  cs.once('exit', () => {
    exited = true;
  });
  for (const deadline = Date.now() + 60_000; !(await healthy(port));) {
    if (exited || Date.now() > deadline) {
      killGroup(cs, 'SIGKILL');
      const text = fs.existsSync(logPath) ? fs.readFileSync(logPath, 'utf8') : '';
      // The free port was only free when we looked; another process may have taken it since.
      if (/EADDRINUSE/.test(text) && !process.env.VSCODE_TEST_PORT && attempt < 3) {
        return startCodeServer(runDir, workspace, attempt + 1);
      }
      throw new Error(`code-server did not come up on port ${port} (see ${logPath}):\n${text.slice(-2000)}`);
    }
    await sleep(100);
  }
  return { cs, port };
}

function killGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    /* already gone */
  }
}

async function stopCodeServer(cs) {
  if (!cs) return;
  const gone = new Promise((r) => (cs.exitCode !== null || cs.signalCode !== null ? r() : cs.once('exit', r)));
  killGroup(cs, 'SIGTERM');
  await Promise.race([gone, sleep(5000)]);
  // The group also holds the extension host and file watcher, which may outlive code-server's main process.
  killGroup(cs, 'SIGKILL');
}

/** Mocha's summary lines, so this launcher can print a one-line result even when the relay was noisy. */
const counts = { passing: 0, failing: 0 };
// Workbench log lines that say nothing about the tests (printed with VSCODE_TEST_VERBOSE=1).
const NOISE =
  /^(Creating a socket|Resolv|Updating additional|\[Service Worker\]|ChatSessionStore|Ignoring fetching additional builtin|Extension host \(Remote\) is unresponsive|Extension host \(Remote\) is responsive|\[perf\])/;

/** The workbench page, while tests run: a test's `[screenshot] NAME` line photographs it. */
let screenshotPage;

/**
 * A screenshot a test asked for. `click=SELECTOR` and `scroll=SELECTOR` act, in order, on the active
 * webview's page first (e.g. sort the plan's steps, bring them to the top).
 */
async function takeScreenshot(name, actions) {
  const shot = path.resolve(process.env.VSCODE_TEST_SCREENSHOT_DIR, `${name}.png`);
  fs.mkdirSync(path.dirname(shot), { recursive: true });
  const webview = screenshotPage.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
  for (const [action, selector] of actions) {
    try {
      const element = webview.locator(selector).first();
      if (action === 'click') await element.click({ timeout: 2000 });
      else await element.evaluate((el) => el.scrollIntoView({ block: 'start' }), undefined, { timeout: 2000 });
      await sleep(300);
    } catch (e) {
      say(`screenshot ${name}: could not ${action} ${selector}: ${e.message}`);
    }
  }
  try {
    await screenshotPage.screenshot({ path: shot });
    say(`screenshot: ${shot}`);
  } catch (e) {
    say(`screenshot ${name} failed: ${e.message}`);
  }
}

function relay(level, message) {
  const line = typeof message === 'string' ? message : util.format(...(Array.isArray(message) ? message : [message]));
  let m;
  if (
    (m = line.match(/^\[screenshot\] ([\w-]+(?:\/[\w-]+)?)((?: (?:click|scroll)=\S+)*)\s*$/)) &&
    screenshotPage &&
    process.env.VSCODE_TEST_SCREENSHOT_DIR
  ) {
    void takeScreenshot(
      m[1],
      m[2].trim()
        ? m[2]
            .trim()
            .split(' ')
            .map((a) => a.split(/=(.*)/s).slice(0, 2))
        : [],
    );
    return;
  }
  if ((m = line.match(/^\s*(\d+) passing/))) counts.passing = Number(m[1]);
  if ((m = line.match(/^\s*(\d+) failing/))) counts.failing = Number(m[1]);
  if (process.env.VSCODE_TEST_VERBOSE || !NOISE.test(line)) {
    (level === 'error' ? process.stderr : process.stdout).write(line.endsWith('\n') ? line : `${line}\n`);
  }
}

/** The workbench hands its logs to codeAutomationExit; keep them beside code-server.log for failures. */
function saveWorkbenchLogs(runDir, logs) {
  if (!Array.isArray(logs)) return;
  for (const { relativePath, contents } of logs) {
    const file = path.join(runDir, 'workbench-logs', relativePath);
    if (!file.startsWith(path.join(runDir, 'workbench-logs') + path.sep)) continue;
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, contents);
  }
}

async function runInBrowser({ port, ext, tests, workspace, runDir }, state) {
  // Required here rather than at the top so that bad usage or a missing code-server is reported first.
  const { chromium } = require('playwright-core');
  const browser = (state.browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    // Playwright's own handlers would exit(130) at once and leave code-server running; ours closes both.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    // No sandbox: CI containers run as root. The rest keeps Chromium from calling Google at all.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  }));
  try {
    const page = (screenshotPage = await (
      await browser.newContext({
        viewport: process.env.VSCODE_TEST_SCREENSHOT_DIR ? { width: 1440, height: 960 } : { width: 1280, height: 800 },
      })
    ).newPage());
    if (process.env.VSCODE_TEST_VERBOSE) page.on('console', (m) => say(`browser ${m.type()}: ${m.text()}`));
    page.on('pageerror', (e) => say(`page error: ${e.message}`));
    // The workbench calls these when they exist on window: the same hooks VS Code's own web integration
    // tests use. Exit comes once the tests' run() settled (0 resolved, 1 rejected).
    let exited;
    const exit = new Promise((resolve) => {
      exited = resolve;
    });
    await page.exposeFunction('codeAutomationExit', (code, logs) => {
      saveWorkbenchLogs(runDir, logs);
      exited(code);
    });
    await page.exposeFunction('codeAutomationLog', relay);
    // code-server has no --extensionDevelopmentPath; the web workbench reads both paths from this payload.
    const remote = (p) => `vscode-remote://127.0.0.1:${port}${p.split(path.sep).join('/')}`;
    const payload = JSON.stringify([
      ['extensionDevelopmentPath', remote(ext)],
      ['extensionTestsPath', remote(tests)],
      ['skipWelcome', 'true'],
    ]);
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(payload)}`);
    const code = await exit;
    if (process.env.VSCODE_TEST_SCREENSHOT) {
      const shot = path.resolve(process.env.VSCODE_TEST_SCREENSHOT);
      await page.screenshot({ path: shot });
      say(`screenshot: ${shot}`);
    }
    return code;
  } finally {
    await browser.close().catch(() => undefined);
  }
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (!args.ext || !args.tests) {
    console.error('usage: launcher.js --extensionDevelopmentPath=DIR --extensionTestsPath=FILE [WORKSPACE_DIR]');
    return 2;
  }
  const ext = path.resolve(args.ext);
  const tests = path.resolve(args.tests);
  const runDir = makeRunDir();
  const workspace = path.resolve(args.workspace || path.join(runDir, 'workspace'));
  fs.mkdirSync(workspace, { recursive: true });
  const timeoutMs = Number(process.env.VSCODE_TEST_TIMEOUT_MS) || 300_000;

  // What cleanup must stop, filled in as the run gets going (a timeout can strike at any point).
  const state = { server: undefined, browser: undefined };
  let stopping = false;
  const cleanup = async () => {
    if (stopping) return;
    stopping = true;
    await state.browser?.close().catch(() => undefined);
    await stopCodeServer(state.server?.cs);
  };
  // test-electron forwards Ctrl+C as SIGINT; never leave a code-server behind.
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.once(sig, () => {
      say(`${sig}: stopping`);
      void cleanup().finally(() => process.exit(1));
    });
  }

  let code;
  try {
    const run = (async () => {
      if (process.env.VSCODE_TEST_VSIX) installVsix(runDir, process.env.VSCODE_TEST_VSIX);
      state.server = await startCodeServer(runDir, workspace);
      say(`code-server up on 127.0.0.1:${state.server.port} after ${elapsed()}`);
      return runInBrowser({ port: state.server.port, ext, tests, workspace, runDir }, state);
    })();
    let timer;
    const limit = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no result after ${timeoutMs} ms (VSCODE_TEST_TIMEOUT_MS)`)), timeoutMs);
    });
    try {
      code = await Promise.race([run, limit]);
    } finally {
      clearTimeout(timer);
    }
  } catch (e) {
    say(`error: ${e && e.stack ? e.stack : e}`);
    code = 1;
  }
  await cleanup();

  const ok = code === 0;
  say(`extension host exit code ${code} after ${elapsed()}: ${counts.passing} passing, ${counts.failing} failing`);
  if (ok && !process.env.VSCODE_TEST_KEEP) fs.rmSync(runDir, { recursive: true, force: true });
  else say(`logs and user data kept in ${runDir}`);
  return ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
