/**
 * Test support: a fresh fake-indexeddb factory per test, and connections that are closed after it.
 * Import 'fake-indexeddb/auto' in the test file first; idb checks values against the global
 * IndexedDB classes.
 */
import { openTouchpointDB } from '../db';
import type { TouchpointDatabase } from '../db';

export interface TestDatabases {
  factory: IDBFactory;
  open(): Promise<TouchpointDatabase>;
  closeAll(): void;
}

export function createTestDatabases(name = 'tp'): TestDatabases {
  const factory = new IDBFactory();
  const opened: TouchpointDatabase[] = [];
  return {
    factory,
    async open() {
      const db = await openTouchpointDB({ factory, name });
      opened.push(db);
      return db;
    },
    closeAll() {
      for (const db of opened.splice(0)) db.close();
    },
  };
}
