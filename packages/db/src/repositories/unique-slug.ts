import { firstFreeSlug, slugify } from "../slug";
import { isUniqueViolation } from "../unique-violation";

const SLUG_ATTEMPTS = 5;

/**
 * Runs `insert` with the first free slug derived from `name`; when a concurrent insert takes
 * the same slug first, the unique index rejects ours and we pick again.
 */
export async function insertWithUniqueSlug<T>(input: {
  name: string;
  fallback: string;
  takenSlugs: (base: string) => Promise<string[]>;
  insert: (slug: string) => Promise<T>;
  isSlugConflict?: (error: unknown) => Promise<boolean>;
}): Promise<T> {
  const base = slugify(input.name, input.fallback);
  for (let attempt = 1; ; attempt++) {
    const slug = firstFreeSlug(base, new Set(await input.takenSlugs(base)));
    try {
      return await input.insert(slug);
    } catch (error) {
      const slugConflict = isUniqueViolation(error) && (await (input.isSlugConflict?.(error) ?? true));
      if (!slugConflict || attempt >= SLUG_ATTEMPTS) throw error;
    }
  }
}
