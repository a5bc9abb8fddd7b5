import { writeInChangeFiles } from './changes';
import { decodeCollectionTable, decodeFile, type Decoder } from './decode';
import { fetchBody } from './http';
import { ok } from './result';

/** Decodes on the calling thread: for Node, tests and small payloads. */
export const decodeInThread: Decoder = {
  decode: async (id, body, options) => decodeCollectionTable(id, body, options),
  async fetchAndDecode(id, url, fetchOptions, format, changes = []) {
    const body = await fetchBody(url, id, fetchOptions);
    return writeInChangeFiles(id, body.ok ? decodeFile(id, body.value, format) : body, changes, fetchOptions);
  },
  applyChanges: (id, loaded, changes, fetchOptions) => writeInChangeFiles(id, ok(loaded), changes, fetchOptions),
};
