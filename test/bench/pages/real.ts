// Bench page (--real): decode tokens/s of one model through Quorum's worker and through web-llm's MLCEngine on this page.
import { ModelWorkerClient } from '../../../src/models/worker/model-worker-client.js';
import './adapter-check.js';

export interface RealDecodeResult {
  quorumTokensPerS: number[];
  webllmTokensPerS: number[];
}

declare global {
  interface Window {
    benchRealDecode: (modelId: string, repeats: number) => Promise<RealDecodeResult>;
  }
}

const PROMPT = 'Write a 300-word story about a lighthouse keeper.';
const MAX_TOKENS = 256;

window.benchRealDecode = async (modelId, repeats) => {
  const quorum = new ModelWorkerClient({
    engine: 'webllm',
    modelId,
    label: modelId,
  });
  await quorum.load();
  const quorumTokensPerS: number[] = [];
  for (let i = 0; i < repeats; i++) {
    for await (const event of quorum.generate({
      messages: [{ role: 'user', content: PROMPT }],
      temperature: 0,
      seed: 1,
      maxTokens: MAX_TOKENS,
    })) {
      if (event.type === 'done') quorumTokensPerS.push(event.usage.decodeTokensPerS);
    }
  }
  await quorum.unload();

  // Only this bench page imports web-llm on the main thread; the app never does.
  const webllm = await import('@mlc-ai/web-llm');
  const engine = await webllm.CreateMLCEngine(modelId);
  const webllmTokensPerS: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const chunks = await engine.chat.completions.create({
      messages: [{ role: 'user', content: PROMPT }],
      temperature: 0,
      seed: 1,
      max_tokens: MAX_TOKENS,
      stream: true,
      stream_options: { include_usage: true },
    });
    for await (const chunk of chunks) {
      const speed = chunk.usage?.extra?.decode_tokens_per_s;
      if (speed !== undefined) webllmTokensPerS.push(speed);
    }
  }
  await engine.unload();
  return { quorumTokensPerS, webllmTokensPerS };
};
