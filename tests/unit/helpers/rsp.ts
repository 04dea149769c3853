/**
 * Parser for NIST CAVP response files (.rsp): `[…]` section headers, then records of `NAME = value`
 * lines that start at `COUNT`/`Count` and end at a blank line; a bare `FAIL` line marks a decryption
 * that must fail authentication. Handles LF (AESAVS) and CRLF (GCMVS) files.
 */

export interface RspRecord {
  /** The bracketed header lines of the record's section, e.g. `[ENCRYPT]` or `[Keylen = 256] [IVlen = 96] …`. */
  section: string;
  /** `[name = value]` section parameters, e.g. `{ Keylen: '256', IVlen: '96' }`; `[ENCRYPT]` gives `{ ENCRYPT: '' }`. */
  params: Record<string, string>;
  count: number;
  /** Field values by upper-cased name (`KEY`, `PLAINTEXT`, `CT`, `TAG` …), hex as written. */
  fields: Record<string, string>;
  /** A `FAIL` line: the tag must not verify. */
  fail: boolean;
}

export function parseRsp(text: string): RspRecord[] {
  const records: RspRecord[] = [];
  let headers: string[] = [];
  let inHeaders = false;
  let current: RspRecord | null = null;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line.startsWith('#')) continue;
    if (line.startsWith('[')) {
      if (!inHeaders) headers = [];
      inHeaders = true;
      headers.push(line);
      current = null;
      continue;
    }
    inHeaders = false;
    if (line === '') {
      current = null;
    } else if (line === 'FAIL') {
      if (!current) throw new Error('FAIL outside a record');
      current.fail = true;
    } else {
      const match = /^(\w+) = ?(.*)$/.exec(line);
      if (!match) throw new Error(`unexpected .rsp line: ${line}`);
      const name = match[1].toUpperCase();
      const value = match[2].trim();
      if (name === 'COUNT') {
        const params: Record<string, string> = {};
        for (const header of headers) {
          const param = /^\[(\w+)(?: = (\w+))?\]$/.exec(header);
          if (!param) throw new Error(`unexpected .rsp section header: ${header}`);
          params[param[1]] = param[2] ?? '';
        }
        current = { section: headers.join(' '), params, count: Number(value), fields: {}, fail: false };
        records.push(current);
      } else {
        if (!current) throw new Error(`field outside a record: ${line}`);
        current.fields[name] = value;
      }
    }
  }
  return records;
}
