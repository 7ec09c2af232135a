import type { Analysis } from '../core/types';
import { causeName } from '../core/causes/taxonomy';
import type { Locale } from '../i18n';

/** A cause's name as the reader should see it: the user's own name, else the taxonomy's. */
export function causeLabel(a: Pick<Analysis, 'taxonomy'>, id: string, locale: Locale): string {
  return a.taxonomy?.find((e) => e.id === id)?.name ?? causeName(id, locale);
}
