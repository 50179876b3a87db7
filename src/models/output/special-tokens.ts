// Removes the chat-template and special tokens that runtimes leak into a model's text.

/** A Llama 3 role header, role name included: `<|start_header_id|>assistant<|end_header_id|>`. */
const LLAMA_HEADER = /<\|start_header_id\|>[^<]{0,40}<\|end_header_id\|>\n?/g;
/** A ChatML turn opener with its role: `<|im_start|>assistant\n`. */
const CHATML_START = /<\|im_start\|>(?:[a-z]{1,20}\n)?/g;
/** Every other `<|…|>` token: `<|im_end|>`, `<|eot_id|>`, `<|endoftext|>`, `<|end|>`, `<|assistant|>`… */
const PIPE_TOKEN = /<\|[A-Za-z0-9_.:-]{1,40}\|>/g;
/** Gemma's turn markers, with the role that follows an opener. */
const GEMMA_TURN = /<start_of_turn>(?:[a-z]{1,20}\n)?|<end_of_turn>\n?/g;
/**
 * Sentence markers that are also ordinary HTML or words (`<s>` is strike-through): removed only
 * where a runtime leaves them, at the very start or end of the text.
 */
const EDGE_START = /^(?:<s>|<bos>)+/;
const EDGE_END = /(?:<\/s>|<eos>)+\s*$/;

/**
 * The text without special tokens. Pure; idempotent. Angle brackets that are not such tokens
 * (`List<String>`, `<vector>`, `a < b`) are kept exactly.
 */
export function stripSpecialTokens(text: string): string {
  return text
    .replace(LLAMA_HEADER, '')
    .replace(CHATML_START, '')
    .replace(PIPE_TOKEN, '')
    .replace(GEMMA_TURN, '')
    .replace(EDGE_START, '')
    .replace(EDGE_END, '');
}

/**
 * While text streams, a token may have arrived only in part (`<|im_e`): the length of such an
 * unfinished tail, so a live view can hold it back until the token completes or turns out to be text.
 */
export function partialTokenLength(text: string): number {
  const tail = /<(?:\|[A-Za-z0-9_.:-]{0,40}\|?|\/?[a-z_]{0,14})$/.exec(text)?.[0];
  if (!tail) return 0;
  const candidates = [
    '<|',
    '<think>',
    '</think>',
    '<start_of_turn>',
    '<end_of_turn>',
    '</s>',
    '<eos>',
  ];
  return tail.startsWith('<|') ||
    candidates.some((token) => token.startsWith(tail) && tail.length > 1)
    ? tail.length
    : 0;
}
