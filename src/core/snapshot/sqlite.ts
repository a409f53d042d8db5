/**
 * Loads sql.js once. The wasm comes from the bundle's own folder (esbuild copies it to dist/), or
 * from the sql.js package when running unbundled (tests); never from the network.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import initSqlJs from 'sql.js';

/** The first 16 bytes of every SQLite database file. */
export const SQLITE_MAGIC = 'SQLite format 3\u0000';

export type SqlJs = Awaited<ReturnType<typeof initSqlJs>>;
export type Database = InstanceType<SqlJs['Database']>;

let loading: Promise<SqlJs> | undefined;

export function loadSqlJs(): Promise<SqlJs> {
  loading ??= initSqlJs({ wasmBinary: readWasm() as unknown as ArrayBuffer });
  return loading;
}

function readWasm(): Uint8Array {
  const beside = path.join(__dirname, 'sql-wasm.wasm');
  if (existsSync(beside)) return readFileSync(beside);
  return readFileSync(require.resolve('sql.js/dist/sql-wasm.wasm'));
}
