import { expose } from 'comlink';
import { decodeCollection } from './decode';

/** The decoding worker: JSON parsing and validation of large payloads, off the main thread. */
const api = { decode: decodeCollection };
export type DecodeWorkerApi = typeof api;
expose(api);
