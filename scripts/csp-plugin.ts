import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

/** The policy, given the hashes of the page's inline scripts. */
export function contentSecurityPolicy(scriptHashes: string[]): string {
  return [
    "default-src 'none'",
    `script-src ${scriptHashes.join(' ')}`,
    'worker-src blob:',
    "style-src 'unsafe-inline'",
    'img-src data: blob:',
    'font-src data:',
    "connect-src 'none'",
    "form-action 'none'",
    "base-uri 'none'",
    "object-src 'none'",
    "frame-src 'none'",
    "media-src 'none'",
    "manifest-src 'none'",
  ].join('; ');
}

/** Insert the CSP meta tags, hashing every inline script of the finished page. */
export function withCsp(html: string): string {
  const hashes: string[] = [];
  const scriptRe = /<script\b[^>]*>([\s\S]*?)<\/script>/g;
  for (let m = scriptRe.exec(html); m; m = scriptRe.exec(html)) {
    hashes.push(`'sha256-${createHash('sha256').update(m[1], 'utf8').digest('base64')}'`);
  }
  const meta =
    `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(hashes)}">` +
    `<meta http-equiv="x-dns-prefetch-control" content="off">`;
  return html.replace(/<head>/i, `<head>${meta}`);
}

/**
 * After the single-file build, put a hash-based Content-Security-Policy into index.html.
 * connect-src 'none' and default-src 'none' forbid any network egress. No 'unsafe-eval': Vega runs
 * with its expression interpreter, and nothing else compiles code. Works from file:// and http://.
 * It runs on the written file, after vite-plugin-singlefile has inlined every script.
 */
export function cspPlugin(): Plugin {
  return {
    name: 'churnlens-csp',
    apply: 'build',
    enforce: 'post',
    writeBundle(options, bundle) {
      for (const name of Object.keys(bundle)) {
        if (!name.endsWith('.html')) continue;
        const path = join(options.dir ?? 'dist', name);
        writeFileSync(path, withCsp(readFileSync(path, 'utf8')));
      }
    },
  };
}
