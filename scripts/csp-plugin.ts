import { createHash } from 'node:crypto';
import type { Plugin } from 'vite';

/**
 * After the single-file build, put a hash-based Content-Security-Policy into index.html.
 * connect-src 'none' and default-src 'none' forbid any network egress; 'unsafe-eval' is needed by
 * Arquero, which compiles expressions with Function() (arquero#361). Works from file:// and http://.
 */
export function cspPlugin(): Plugin {
  return {
    name: 'churnlens-csp',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      for (const asset of Object.values(bundle)) {
        if (asset.type !== 'asset' || !asset.fileName.endsWith('.html')) continue;
        const html = String(asset.source);
        const hashes: string[] = [];
        const scriptRe = /<script\b[^>]*>([\s\S]*?)<\/script>/g;
        for (let m = scriptRe.exec(html); m; m = scriptRe.exec(html)) {
          hashes.push(`'sha256-${createHash('sha256').update(m[1], 'utf8').digest('base64')}'`);
        }
        const csp = [
          "default-src 'none'",
          `script-src ${hashes.join(' ')} 'unsafe-eval'`,
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
        const meta =
          `<meta http-equiv="Content-Security-Policy" content="${csp}">` +
          `<meta http-equiv="x-dns-prefetch-control" content="off">`;
        asset.source = html.replace(/<head>/i, `<head>${meta}`);
      }
    },
  };
}
