/** Types for Wycheproof's aead_test_schema_v1 (the AES-GCM vectors) and a loader for the fixture. */
import { readVectorFile } from './fixtures';

export interface AeadTestVector {
  tcId: number;
  comment: string;
  flags: string[];
  key: string;
  iv: string;
  aad: string;
  msg: string;
  ct: string;
  tag: string;
  result: 'valid' | 'invalid' | 'acceptable';
}

export interface AeadTestGroup {
  type: 'AeadTest';
  keySize: number;
  ivSize: number;
  tagSize: number;
  tests: AeadTestVector[];
}

export interface AeadTestFile {
  algorithm: string;
  numberOfTests: number;
  testGroups: AeadTestGroup[];
}

export function readWycheproof(path: string): AeadTestFile {
  return JSON.parse(readVectorFile(path)) as AeadTestFile;
}
