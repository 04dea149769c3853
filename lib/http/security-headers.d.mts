/** Types of security-headers.mjs (plain JavaScript so that next.config.js can import it on Node 20). */

/** One response header, in the shape next.config.js `headers()` takes. */
export interface Header {
  key: string;
  value: string;
}

/** One block of a `_headers` file: a path pattern and the headers for it. */
export interface HeaderRule {
  path: string;
  headers: Header[];
}

export declare const NO_FRAMING: "'none'";
export declare const PERMISSIONS_POLICY: string;
export declare const REFERRER_POLICY: string;

export declare function parseEmbedOrigins(value: string | undefined): string[];
export declare function embedFrameAncestors(value: string | undefined): string;
export declare function contentSecurityPolicy(options: { frameAncestors: string; dev?: boolean }): string;
export declare function commonHeaders(): Header[];
export declare function framingHeaders(options: { frameAncestors: string; dev?: boolean }): Header[];
export declare function staticHeaderRules(options: {
  entries: readonly string[];
  embedFrameAncestors: string;
  basePath?: string;
}): HeaderRule[];
export declare function formatHeadersFile(rules: readonly HeaderRule[]): string;
