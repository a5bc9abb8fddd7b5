import { expose, transfer } from 'comlink';
import { decodeCollectionTable, type DecodeOptions } from './decode';
import { tableBuffers } from './columnar/featureTable';
import type { CollectionId } from '../layers/registry';

/** The decoding worker: JSON parsing, validation and encoding into columns, off the main thread; the columns are transferred, not copied. */
const api = {
  decode(id: CollectionId, body: ArrayBuffer, options?: DecodeOptions) {
    const decoded = decodeCollectionTable(id, body, options);
    return decoded.ok ? transfer(decoded, tableBuffers(decoded.value.table)) : decoded;
  },
};
export type DecodeWorkerApi = typeof api;
expose(api);
