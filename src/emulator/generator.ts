/**
 * The seeded account generator lives in ./generator/ (one module per stage); this file keeps the
 * long-standing import path `emulator/generator` working for its many importers.
 */
export * from './generator/index';
