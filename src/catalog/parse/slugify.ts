// Turns a tool name or a page title into a stable, URL-safe slug: the key that deduplicates tools.

/** "OpenRouter Model Fusion" → "openrouter-model-fusion"; never returns an empty string. */
export function slugify(name: string): string {
  // Printable ASCII (most names) needs no Unicode folding and loses no letters; skipping the folding
  // matters when an import slugs 10,000 titles and 20,000 names.
  const plain = /^[\x20-\x7e]*$/.test(name);
  const unmarked = plain ? name : name.normalize('NFKD').replace(/\p{M}/gu, '');
  const folded = unmarked.toLowerCase().replace(/&/g, ' and ');
  const ascii = folded.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  // Letters outside ASCII (e.g. "通义千问") would vanish from the slug, so two different names could
  // collide; a hash of the folded name keeps them apart and keeps the slug stable.
  const lostLetters = !plain && /[^\p{ASCII}]/u.test(folded.replace(/[^\p{L}\p{N}]/gu, ''));
  if (ascii.length === 0) return `tool-${stableHash(folded.trim())}`;
  return lostLetters ? `${ascii}-${stableHash(folded.trim())}` : ascii;
}

/** FNV-1a over UTF-16 code units, in base 36: short, deterministic, no dependencies. */
export function stableHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}
