// The .catch for work a click, a drop or a dialog starts and nobody awaits. AppState shows the
// failures it expects (a file it cannot read, a full disk) and resolves; anything else it throws
// (a storage call that failed underneath it, a bug) would otherwise end as an unhandled rejection
// in the console, with nothing on the page. This puts it in the error banner instead.
import type { AppState } from './state.svelte';

/**
 * `storage` for work on saved sessions (listing, renaming, deleting, passphrases): the message
 * AppState itself shows when the store fails; `internal-error` for reading and analysing files.
 */
export type FailureCode = 'storage' | 'internal-error';

export function showFailure(app: AppState, code: FailureCode, e: unknown): void {
  app.error = { code, params: { message: e instanceof Error ? e.message : String(e) } };
}
