import Papa from 'papaparse';

/** Where the last complete row of `text` ends: after its last newline outside quotes (quotes pair up, "" included). */
export function lastRowEnd(text: string, quotesBefore: number): { end: number; quotes: number } {
  let quotes = quotesBefore;
  let end = -1;
  let quotesAtEnd = 0;
  for (let i = text.indexOf('"') < 0 ? text.lastIndexOf('\n') : 0; i >= 0 && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) quotes++;
    else if (c === 0x0a && quotes % 2 === 0) {
      end = i + 1;
      quotesAtEnd = quotes;
    }
  }
  return { end, quotes: quotes - quotesAtEnd };
}

/**
 * CSV rows in batches as the text arrives: each batch is cut after a row's end (a newline
 * outside quotes, so a quoted cell may hold newlines and span two reads) and read with
 * Papa Parse, the delimiter and newline found in the first batch kept for the rest.
 */
export async function* csvBatches(chunks: AsyncIterable<string>): AsyncGenerator<string[][]> {
  let rest = '';
  let restQuotes = 0;
  let config: { delimiter?: string; newline?: '\r\n' | '\n' | '\r' } = {};
  const parse = (text: string): string[][] => {
    const parsed = Papa.parse<string[]>(text, { header: false, skipEmptyLines: 'greedy', ...config });
    if (!config.delimiter && parsed.data.length) config = { delimiter: parsed.meta.delimiter, newline: parsed.meta.linebreak as '\r\n' | '\n' | '\r' };
    return parsed.data;
  };
  for await (const chunk of chunks) {
    // Only the new text is scanned: the quotes in what is carried over were counted already.
    const cut = lastRowEnd(chunk, restQuotes);
    if (cut.end < 0) {
      rest += chunk;
      restQuotes = cut.quotes;
      continue;
    }
    const rows = parse(rest + chunk.slice(0, cut.end));
    rest = chunk.slice(cut.end);
    restQuotes = cut.quotes;
    if (rows.length) yield rows;
  }
  if (rest.trim()) {
    const rows = parse(rest);
    if (rows.length) yield rows;
  }
}
