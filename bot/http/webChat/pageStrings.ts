import { z } from 'zod';
import type { Lang } from '../../../knowledge/language/lang.js';

const pageStringsSchema = z.object({
  webChat: z.object({ page: z.record(z.string(), z.string()) }),
});

/**
 * The support page's texts (`webChat.page.*` of the locale files) for both languages: the
 * page and the embedded chat read them from /webchat/strings.json.
 *
 * @example
 * pageStrings(readLocaleResources()).fr.title // 'Assistant renouvellement de maintenance'
 */
export function pageStrings(resources: Record<Lang, unknown>): Record<Lang, Record<string, string>> {
  const read = (lang: Lang) => {
    const parsed = pageStringsSchema.safeParse(resources[lang]);
    if (!parsed.success) throw new Error(`locales/${lang}/translation.json: webChat.page must hold the page texts as strings`);
    return parsed.data.webChat.page;
  };
  return { fr: read('fr'), en: read('en') };
}
