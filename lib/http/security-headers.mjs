/**
 * The security headers of every ECB Lens response, and the same headers as a `_headers` file for static
 * hosts. Why: the site promises that no user media leaves the page and that nothing is loaded from
 * another origin; the Content-Security-Policy (https://www.w3.org/TR/CSP3/) makes the browser hold it to
 * that, and `frame-ancestors` lets only /embed be framed by other sites.
 *
 * Plain JavaScript (types in security-headers.d.mts) because next.config.js imports it, and Node 20,
 * which package.json supports, cannot import TypeScript.
 */

/**
 * `script-src 'unsafe-inline'`: Next.js writes each page's RSC payload as inline `<script>`s. Nonces
 * would need a server rendering every request (no static pages, no static export); hashes change with
 * every build and page. 'unsafe-inline' still allows no other origin, which is the promise: an injected
 * inline script could run, but `connect-src`, `img-src`, `form-action` & co. give it no other origin to
 * send anything to. `style-src 'unsafe-inline'` is for the style attributes React renders on the server.
 * Turbopack starts the lab's workers from same-origin files; `worker-src blob:` is for mediabunny (clip
 * export), which builds its helper workers from blobs. `blob:` media and images are the user's own files.
 */
const DIRECTIVES = [
  ['default-src', "'self'"],
  ['script-src', "'self' 'unsafe-inline'"],
  ['style-src', "'self' 'unsafe-inline'"],
  ['img-src', "'self' data: blob:"],
  ['media-src', "'self' blob: mediastream:"],
  ['font-src', "'self'"],
  ['connect-src', "'self'"],
  ['worker-src', "'self' blob:"],
  ['frame-src', "'self'"],
  ['manifest-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'self'"],
  ['form-action', "'self'"],
];

/** Who may frame a page that refuses framing. */
export const NO_FRAMING = "'none'";

/** The camera and microphone for this origin only (the webcam, and /traffic's call); nothing else. */
export const PERMISSIONS_POLICY = 'camera=(self), microphone=(self), geolocation=(), payment=(), usb=()';

/** The site talks to no one, so it tells no one where a reader came from either. */
export const REFERRER_POLICY = 'no-referrer';

const HOST = /^(?:\*\.)?[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*$/;
const IPV6 = /^\[[0-9a-f:.]+\]$/;

function embedOrigin(entry) {
  const problem = (why) =>
    new RangeError(
      `EMBED_ALLOWED_ORIGINS: "${entry}" ${why}; give origins such as https://example.com or ` +
        'https://*.example.com, separated by commas or spaces',
    );
  let url;
  try {
    url = new URL(entry);
  } catch {
    throw problem('is not an absolute URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw problem(`has the scheme ${url.protocol} (only http: and https:)`);
  if (url.username || url.password) throw problem('has a user name or password');
  if (url.pathname !== '/' || url.search || url.hash || /[?#]/.test(entry))
    throw problem('has a path, query or fragment');
  if (!HOST.test(url.hostname) && !IPV6.test(url.hostname))
    throw problem(`has the host "${url.hostname}", not a host name`);
  return url.origin;
}

/**
 * The origins EMBED_ALLOWED_ORIGINS lists (comma- or space-separated), normalised (lower case, no default
 * port, no trailing slash) and without repeats; empty when the variable is unset or blank.
 * Throws a RangeError naming the first entry that is not an http(s) origin.
 * @example parseEmbedOrigins('https://School.example, http://localhost:8080/') // ['https://school.example', 'http://localhost:8080']
 */
export function parseEmbedOrigins(value) {
  if (value === undefined) return [];
  if (typeof value !== 'string') throw new TypeError(`EMBED_ALLOWED_ORIGINS must be a string, got ${typeof value}`);
  const entries = value.split(/[\s,]+/).filter((entry) => entry !== '');
  return [...new Set(entries.map(embedOrigin))];
}

/**
 * `frame-ancestors` for /embed: any site (`*`) when EMBED_ALLOWED_ORIGINS is unset or blank, otherwise
 * this site ('self', for the embed builder's preview) and the listed origins.
 * @example embedFrameAncestors('https://school.example') // "'self' https://school.example"
 */
export function embedFrameAncestors(value) {
  const origins = parseEmbedOrigins(value);
  return origins.length === 0 ? '*' : ["'self'", ...origins].join(' ');
}

/**
 * The Content-Security-Policy of a page, with who may frame it. `dev` adds `'unsafe-eval'`, which
 * `next dev` needs (React's debugging tools); production never has it.
 * @example contentSecurityPolicy({ frameAncestors: NO_FRAMING })
 */
export function contentSecurityPolicy({ frameAncestors, dev = false }) {
  return [...DIRECTIVES, ['frame-ancestors', frameAncestors]]
    .map(([name, value]) => `${name} ${name === 'script-src' && dev ? `${value} 'unsafe-eval'` : value}`)
    .join('; ');
}

/** The headers every response carries, whoever may frame it. */
export function commonHeaders() {
  return [
    { key: 'Referrer-Policy', value: REFERRER_POLICY },
    { key: 'X-Content-Type-Options', value: 'nosniff' },
    { key: 'Permissions-Policy', value: PERMISSIONS_POLICY },
  ];
}

/**
 * The headers that say who may frame a response: the CSP, and `X-Frame-Options: DENY` for browsers that
 * predate `frame-ancestors` when no one may.
 */
export function framingHeaders({ frameAncestors, dev = false }) {
  const headers = [{ key: 'Content-Security-Policy', value: contentSecurityPolicy({ frameAncestors, dev }) }];
  if (frameAncestors === NO_FRAMING) headers.push({ key: 'X-Frame-Options', value: 'DENY' });
  return headers;
}

/**
 * Rules for a static host's `_headers` file (Netlify, Cloudflare Pages), from the top-level entries of
 * the export (directories end in "/"). No header is set by two rules that can match one path, because
 * the hosts join such values (two policies) instead of replacing them: the common headers go on
 * everything, the framing headers on each page (`index.html`, other `.html`, each directory) on its own.
 * @example staticHeaderRules({ entries: ['index.html', 'embed/'], embedFrameAncestors: '*' })
 */
export function staticHeaderRules({ entries, embedFrameAncestors: embedAncestors, basePath = '' }) {
  const rules = [{ path: `${basePath}/*`, headers: commonHeaders() }];
  const refuse = framingHeaders({ frameAncestors: NO_FRAMING });
  for (const entry of [...entries].sort()) {
    if (entry === 'index.html') rules.push({ path: `${basePath}/`, headers: refuse });
    if (entry.endsWith('.html')) rules.push({ path: `${basePath}/${entry}`, headers: refuse });
    else if (entry.endsWith('/')) {
      const headers = entry === 'embed/' ? framingHeaders({ frameAncestors: embedAncestors }) : refuse;
      rules.push({ path: `${basePath}/${entry}*`, headers });
    }
  }
  return rules;
}

/**
 * Header rules in the `_headers` format: a path line, then one indented `Name: value` line per header.
 * @example formatHeadersFile([{ path: '/*', headers: [{ key: 'X-Content-Type-Options', value: 'nosniff' }] }])
 */
export function formatHeadersFile(rules) {
  const blocks = rules.map(({ path, headers }) =>
    [path, ...headers.map(({ key, value }) => `  ${key}: ${value}`)].join('\n'),
  );
  return `# Made by \`npm run build:static\` (lib/http/security-headers.mjs); the README explains each header.\n\n${blocks.join('\n\n')}\n`;
}
