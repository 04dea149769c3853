/**
 * The security headers as values: EMBED_ALLOWED_ORIGINS parsing and the frame-ancestors it gives, a CSP
 * that names no other origin, the `_headers` file for static hosts, and next.config.js refusing to start
 * with a bad EMBED_ALLOWED_ORIGINS or BASE_PATH. What the server really sends is tests/e2e/headers.spec.ts.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import {
  commonHeaders,
  contentSecurityPolicy,
  embedFrameAncestors,
  formatHeadersFile,
  framingHeaders,
  NO_FRAMING,
  parseEmbedOrigins,
  staticHeaderRules,
  type HeaderRule,
} from '../../../lib/http/security-headers.mjs';
import { assertThrowsExactly } from '../helpers/assert-error';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** A CSP as directive name → its sources, failing on a directive given twice. */
function directives(policy: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const directive of policy.split(';')) {
    const [name, ...sources] = directive.trim().split(/\s+/);
    assert.ok(!map.has(name), `directive ${name} given twice`);
    map.set(name, sources);
  }
  return map;
}

const rejection = (entry: string, why: string) =>
  `EMBED_ALLOWED_ORIGINS: "${entry}" ${why}; give origins such as https://example.com or https://*.example.com, separated by commas or spaces`;

describe('parseEmbedOrigins', () => {
  it('is empty when the variable is unset or blank', () => {
    for (const value of [undefined, '', '  ', ' , ,\n']) assert.deepEqual(parseEmbedOrigins(value), []);
  });

  it('reads origins separated by commas, spaces or newlines, normalised and without repeats', () => {
    assert.deepEqual(
      parseEmbedOrigins(
        'https://school.example,http://localhost:8080 https://School.EXAMPLE:443/\nhttp://127.0.0.1:3000',
      ),
      ['https://school.example', 'http://localhost:8080', 'http://127.0.0.1:3000'],
    );
  });

  it('accepts a leading *. wildcard, IPv6 hosts and international names (as punycode)', () => {
    assert.deepEqual(parseEmbedOrigins('https://*.school.example http://[::1]:3000 https://bücher.example'), [
      'https://*.school.example',
      'http://[::1]:3000',
      'https://xn--bcher-kva.example',
    ]);
  });

  const bad: [string, string][] = [
    ['school.example', 'is not an absolute URL'],
    ["'self'", 'is not an absolute URL'],
    ['*', 'is not an absolute URL'],
    ['ftp://school.example', 'has the scheme ftp: (only http: and https:)'],
    ['javascript:alert(1)', 'has the scheme javascript: (only http: and https:)'],
    ['file:///etc/hosts', 'has the scheme file: (only http: and https:)'],
    ['https://user:secret@school.example', 'has a user name or password'],
    ['https://school.example/lessons', 'has a path, query or fragment'],
    ['https://school.example?x=1', 'has a path, query or fragment'],
    ['https://school.example?', 'has a path, query or fragment'],
    ['https://school.example#top', 'has a path, query or fragment'],
    // Without the host check this would end frame-ancestors and start a directive of its own.
    ['https://school.example;script-src', 'has the host "school.example;script-src", not a host name'],
    ["https://school.example'unsafe-inline'", 'has the host "school.example\'unsafe-inline\'", not a host name'],
    ['https://ev*il.example', 'has the host "ev*il.example", not a host name'],
    ['https://*', 'has the host "*", not a host name'],
  ];
  for (const [entry, why] of bad) {
    it(`refuses ${entry}: ${why}`, () => {
      assertThrowsExactly(() => parseEmbedOrigins(`https://fine.example, ${entry}`), RangeError, rejection(entry, why));
    });
  }

  it('throws a TypeError for a value that is not a string', () => {
    assertThrowsExactly(
      () => parseEmbedOrigins(42 as unknown as string),
      TypeError,
      'EMBED_ALLOWED_ORIGINS must be a string, got number',
    );
  });
});

describe('embedFrameAncestors', () => {
  it('lets any site frame /embed when EMBED_ALLOWED_ORIGINS is unset or blank', () => {
    assert.equal(embedFrameAncestors(undefined), '*');
    assert.equal(embedFrameAncestors(' '), '*');
  });

  it("is this site ('self', for the embed builder's preview) and the listed origins otherwise", () => {
    assert.equal(
      embedFrameAncestors('https://school.example, https://*.district.example'),
      "'self' https://school.example https://*.district.example",
    );
  });
});

describe('contentSecurityPolicy', () => {
  const production = directives(contentSecurityPolicy({ frameAncestors: NO_FRAMING }));

  it('is the documented policy (README, "Security headers")', () => {
    assert.equal(
      contentSecurityPolicy({ frameAncestors: NO_FRAMING }),
      "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data: blob:; media-src 'self' blob: mediastream:; font-src 'self'; connect-src 'self'; " +
        "worker-src 'self' blob:; frame-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'self'; " +
        "form-action 'self'; frame-ancestors 'none'",
    );
  });

  it('names no other origin for anything the page loads or sends to', () => {
    // Local schemes hold the page's own data (decoded pictures, the user's files, the camera stream).
    const allowed = new Set(["'self'", "'none'", "'unsafe-inline'", 'data:', 'blob:', 'mediastream:']);
    for (const [name, sources] of production) {
      if (name === 'frame-ancestors') continue;
      for (const source of sources) assert.ok(allowed.has(source), `${name} allows ${source}`);
    }
    for (const name of [
      'default-src',
      'script-src',
      'style-src',
      'img-src',
      'connect-src',
      'font-src',
      'media-src',
      'worker-src',
    ]) {
      assert.ok(production.get(name)?.includes("'self'"), `${name} is set`);
    }
    assert.deepEqual(production.get('object-src'), ["'none'"]);
    assert.deepEqual(production.get('connect-src'), ["'self'"], 'no fetch, XHR, WebSocket or beacon to anyone else');
  });

  it("has 'unsafe-eval' only in development, and only for scripts", () => {
    assert.ok(![...production.values()].flat().includes("'unsafe-eval'"));
    const dev = directives(contentSecurityPolicy({ frameAncestors: NO_FRAMING, dev: true }));
    assert.deepEqual(dev.get('script-src'), ["'self'", "'unsafe-inline'", "'unsafe-eval'"]);
    for (const [name, sources] of dev) if (name !== 'script-src') assert.deepEqual(sources, production.get(name), name);
  });

  it('ends with the frame-ancestors it is given', () => {
    assert.deepEqual(directives(contentSecurityPolicy({ frameAncestors: '*' })).get('frame-ancestors'), ['*']);
    const listed = contentSecurityPolicy({ frameAncestors: embedFrameAncestors('https://school.example') });
    assert.match(listed, /; frame-ancestors 'self' https:\/\/school\.example$/);
  });
});

describe('framingHeaders and commonHeaders', () => {
  it('adds X-Frame-Options: DENY exactly when no one may frame the page', () => {
    assert.deepEqual(
      framingHeaders({ frameAncestors: NO_FRAMING }).map(({ key }) => key),
      ['Content-Security-Policy', 'X-Frame-Options'],
    );
    assert.equal(framingHeaders({ frameAncestors: NO_FRAMING })[1].value, 'DENY');
    assert.deepEqual(
      framingHeaders({ frameAncestors: '*' }).map(({ key }) => key),
      ['Content-Security-Policy'],
    );
  });

  it('sends the referrer to no one, forbids sniffing, and allows the camera and microphone to this origin only', () => {
    assert.deepEqual(commonHeaders(), [
      { key: 'Referrer-Policy', value: 'no-referrer' },
      { key: 'X-Content-Type-Options', value: 'nosniff' },
      { key: 'Permissions-Policy', value: 'camera=(self), microphone=(self), geolocation=(), payment=(), usb=()' },
    ]);
  });
});

describe('staticHeaderRules', () => {
  /** Top-level entries of a real export (`ls -p out/`), in no particular order. */
  const ENTRIES = [
    'story/',
    'index.html',
    '_next/',
    'embed/',
    '404.html',
    'icon.svg',
    'embed-builder/',
    'samples/',
    'index.txt',
  ];
  const rules = staticHeaderRules({ entries: ENTRIES, embedFrameAncestors: '*', basePath: '/ecb-lens' });
  const csp = (rule: HeaderRule | undefined) =>
    rule?.headers.find(({ key }) => key === 'Content-Security-Policy')?.value.match(/frame-ancestors (.*)$/)?.[1];

  it('puts the common headers on everything and framing headers on each page, /embed/ framable', () => {
    assert.deepEqual(
      rules.map(({ path }) => path),
      [
        '/ecb-lens/*',
        '/ecb-lens/404.html',
        '/ecb-lens/_next/*',
        '/ecb-lens/embed-builder/*',
        '/ecb-lens/embed/*',
        '/ecb-lens/',
        '/ecb-lens/index.html',
        '/ecb-lens/samples/*',
        '/ecb-lens/story/*',
      ],
    );
    assert.deepEqual(rules[0].headers, commonHeaders());
    for (const rule of rules.slice(1)) {
      const embed = rule.path === '/ecb-lens/embed/*';
      assert.equal(csp(rule), embed ? '*' : "'none'", rule.path);
      assert.equal(
        rule.headers.some(({ key }) => key === 'X-Frame-Options'),
        !embed,
        rule.path,
      );
    }
  });

  it('never sets one header from two rules that match the same address (hosts would join the values)', () => {
    const matches = (pattern: string, path: string) =>
      pattern.endsWith('*') ? path.startsWith(pattern.slice(0, -1)) : path === pattern;
    const addresses = rules.flatMap(({ path }) => [path.replace('*', ''), path.replace('*', 'index.html')]);
    for (const address of addresses) {
      const keys = rules
        .filter(({ path }) => matches(path, address))
        .flatMap(({ headers }) => headers.map(({ key }) => key));
      assert.equal(new Set(keys).size, keys.length, `${address} gets ${keys.join(', ')}`);
    }
  });

  it('uses the listed origins for the embed, and works without a base path', () => {
    const listed = staticHeaderRules({
      entries: ['index.html', 'embed/'],
      embedFrameAncestors: embedFrameAncestors('https://school.example'),
    });
    assert.deepEqual(
      listed.map(({ path }) => path),
      ['/*', '/embed/*', '/', '/index.html'],
    );
    assert.equal(csp(listed[1]), "'self' https://school.example");
  });
});

describe('formatHeadersFile', () => {
  it('writes a path line and indented "Name: value" lines per rule, blocks apart', () => {
    const text = formatHeadersFile([
      { path: '/*', headers: [{ key: 'X-Content-Type-Options', value: 'nosniff' }] },
      {
        path: '/',
        headers: [
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Referrer-Policy', value: 'no-referrer' },
        ],
      },
    ]);
    assert.equal(
      text
        .split('\n')
        .filter((line) => !line.startsWith('#'))
        .join('\n'),
      '\n/*\n  X-Content-Type-Options: nosniff\n\n/\n  X-Frame-Options: DENY\n  Referrer-Policy: no-referrer\n',
    );
  });
});

describe('next.config.js', () => {
  /** Loads next.config.js in a fresh Node (it reads the environment once) and prints its headers(). */
  function loadConfig(env: Record<string, string>) {
    const script = `
      const { default: config } = await import('./next.config.js');
      const built = config('phase-production-build');
      console.log(JSON.stringify({ basePath: built.basePath, headers: await built.headers() }));`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: ROOT,
      env: { ...process.env, EMBED_ALLOWED_ORIGINS: '', BASE_PATH: '', ECB_LENS_STATIC: '', ...env },
      encoding: 'utf8',
    });
    return { status: run.status, stdout: run.stdout, stderr: run.stderr };
  }

  it('gives /embed the origins of EMBED_ALLOWED_ORIGINS and every other path frame-ancestors none', () => {
    const run = loadConfig({ EMBED_ALLOWED_ORIGINS: 'https://school.example' });
    assert.equal(run.status, 0, run.stderr);
    const { headers } = JSON.parse(run.stdout) as {
      headers: { source: string; headers: { key: string; value: string }[] }[];
    };
    const ancestors = (source: string) =>
      headers
        .find((rule) => rule.source === source)
        ?.headers.find(({ key }) => key === 'Content-Security-Policy')
        ?.value.match(/frame-ancestors (.*)$/)?.[1];
    assert.equal(ancestors('/embed'), "'self' https://school.example");
    assert.equal(ancestors('/:path((?!embed$).*)'), "'none'");
  });

  it('refuses to load with a bad EMBED_ALLOWED_ORIGINS, naming the entry', () => {
    const run = loadConfig({ EMBED_ALLOWED_ORIGINS: 'https://fine.example ftp://school.example' });
    assert.notEqual(run.status, 0);
    assert.ok(
      run.stderr.includes(
        `RangeError: ${rejection('ftp://school.example', 'has the scheme ftp: (only http: and https:)')}`,
      ),
      run.stderr,
    );
  });

  it('takes BASE_PATH as /a/sub-path and refuses anything else', () => {
    const good = loadConfig({ BASE_PATH: '/ecb-lens' });
    assert.equal(good.status, 0, good.stderr);
    assert.equal((JSON.parse(good.stdout) as { basePath: string }).basePath, '/ecb-lens');
    for (const bad of ['ecb-lens', '/ecb-lens/', '/', '/a b']) {
      const run = loadConfig({ BASE_PATH: bad });
      assert.notEqual(run.status, 0, bad);
      assert.ok(
        run.stderr.includes(`BASE_PATH must look like /ecb-lens (a leading slash, no trailing one), got "${bad}"`),
        run.stderr,
      );
    }
  });
});
