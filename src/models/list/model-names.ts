// Pure: a person's name for a web-llm model id ("Llama-3.2-1B-Instruct-q4f32_1-MLC" → "Llama 3.2 1B Instruct").

// Words the ids abbreviate or write in lower case.
const WORDS: Readonly<Record<string, string>> = {
  it: 'Instruct',
  instruct: 'Instruct',
  chat: 'Chat',
  hf: '',
  mlc: '',
};

/**
 * The model's name as its card would write it: the quantization, "MLC" and "hf" go, dashes become spaces,
 * sizes read "1.6B" ("1_6b", "2b"), a "-1k" build says "(1K context)". The id stays the exact reference;
 * views show it beside this name. Never empty: an id with nothing to keep returns itself.
 */
export function humanModelName(id: string): string {
  const context = id.match(/-(\d+)k$/i);
  const words = (context ? id.slice(0, context.index) : id)
    .split('-')
    .filter((word) => !/^q\d+f\d+(?:_\d+)?$/i.test(word))
    .map((word) => {
      const lower = word.toLowerCase();
      if (lower in WORDS) return WORDS[lower] ?? '';
      if (/^e?\d+(?:[._]\d+)?[bm]$/i.test(word)) return word.replace('_', '.').toUpperCase();
      return word.charAt(0).toUpperCase() + word.slice(1);
    })
    .filter(Boolean);
  const name = words.join(' ').trim();
  if (!name) return id;
  return context ? `${name} (${context[1]}K context)` : name;
}
