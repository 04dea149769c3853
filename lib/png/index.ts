/** PNG I/O for the CLI and the endpoint (Node only): header checks, text chunks, the ciphertext picture. */
export { crc32 } from './crc32';
export { PngError, type PngErrorCode } from './errors';
export {
  hasPngSignature,
  inspectHeader,
  MAX_PIXELS,
  MAX_SIDE,
  PNG_SIGNATURE,
  type ColorType,
  type PngHeader,
} from './header';
export { buildChunk, inspectPng, type Chunk, type PngStructure } from './chunks';
export { buildTextChunk, readTextChunks, TEXT_CHUNK_KINDS, type TextChunkKind, type TextEntry } from './text-chunks';
export { decodePng, encodePng, LAYOUT_COLOR_TYPE } from './codec';
export {
  OptionError,
  parseEncryptOptions,
  type EncryptOptionsText,
  type EncryptPngOptions,
  type OptionNamer,
} from './encrypt-options';
export {
  CipherPictureError,
  decryptCipherPicture,
  encryptPng,
  KEYWORD_PREFIX,
  readCipherPicture,
  SCHEME_VERSION,
  writeCipherPicture,
  type CipherPicture,
  type CipherPictureErrorCode,
  type EncryptedPng,
} from './cipher-picture';
