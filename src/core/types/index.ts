// The data contract of the core: plain, serialisable data the worker posts, the JSON export
// writes, the charts and the page read. These files import nothing but each other (checked by
// tests/unit/architecture.test.ts); the implementation imports from here, never the reverse.
export * from './analysis';
export * from './causes';
export * from './ingest';
export * from './roles';
export * from './settings';
