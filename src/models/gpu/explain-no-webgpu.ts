// Turns a probe result and the user agent into what the visitor can do to run models here (pure).
import type { DeviceCapabilities } from './probe-webgpu.js';

/** Whether models can run here, in a title, and the steps a visitor can take. */
export interface WebGpuGuidance {
  /** ok: models can run; limited: they run, slowly or with restrictions; unavailable: they cannot. */
  status: 'ok' | 'limited' | 'unavailable';
  title: string;
  steps: string[];
}

interface Browser {
  name: 'chrome' | 'edge' | 'firefox' | 'safari' | 'other';
  major: number | null;
  os: 'windows' | 'mac' | 'linux' | 'android' | 'ios' | 'chromeos' | 'other';
}

/** The browser and operating system a user-agent string names, as far as the guidance needs them. */
export function parseUserAgent(userAgent: string): Browser {
  const os: Browser['os'] = /Android/.test(userAgent)
    ? 'android'
    : /iPhone|iPad|iPod/.test(userAgent)
      ? 'ios'
      : /CrOS/.test(userAgent)
        ? 'chromeos'
        : /Windows/.test(userAgent)
          ? 'windows'
          : /Mac OS X|Macintosh/.test(userAgent)
            ? 'mac'
            : /Linux|X11/.test(userAgent)
              ? 'linux'
              : 'other';
  const version = (re: RegExp) => {
    const match = userAgent.match(re);
    return match?.[1] ? Number(match[1]) : null;
  };
  if (/Edg\//.test(userAgent)) return { name: 'edge', major: version(/Edg\/(\d+)/), os };
  if (/Firefox\//.test(userAgent)) return { name: 'firefox', major: version(/Firefox\/(\d+)/), os };
  if (/Chrome\/|Chromium\//.test(userAgent)) {
    return { name: 'chrome', major: version(/(?:Chrome|Chromium)\/(\d+)/), os };
  }
  if (/Safari\//.test(userAgent)) return { name: 'safari', major: version(/Version\/(\d+)/), os };
  return { name: 'other', major: null, os };
}

const FLAG_STEP =
  'Open chrome://flags/#enable-unsafe-webgpu, set it to Enabled, and restart the browser (on Linux also enable chrome://flags/#enable-vulkan).';
const SIMULATED_STEP = 'Meanwhile the catalog and the simulated models work in this browser.';

function chromiumSteps(browser: Browser): string[] {
  const { major, os } = browser;
  if (os === 'linux') {
    // Chrome enables WebGPU on Linux by default only for Intel Gen12+ (144+) and NVIDIA (147+) GPUs.
    return [
      major !== null && major < 147
        ? `Update the browser: WebGPU is on by default on Linux from Chrome 144 (Intel Gen12+) and 147 (NVIDIA); you have ${major}.`
        : 'Your GPU is not among those Chrome enables WebGPU for on Linux by default (Intel Gen12+, NVIDIA).',
      FLAG_STEP,
      'Check chrome://gpu: "WebGPU" should read "Hardware accelerated".',
    ];
  }
  if (os === 'android' && major !== null && major < 121) {
    return [
      `Update Chrome: WebGPU on Android needs Chrome 121+ and Android 12+; you have ${major}.`,
    ];
  }
  if (major !== null && major < 113) {
    return [`Update the browser: WebGPU ships from version 113; you have ${major}.`];
  }
  return [
    'Make sure hardware acceleration is on (Settings → System → "Use graphics acceleration when available").',
    'Check chrome://gpu: if WebGPU is disabled or blocklisted for your GPU, update the graphics driver.',
    FLAG_STEP,
  ];
}

function browserSteps(browser: Browser): string[] {
  switch (browser.name) {
    case 'chrome':
    case 'edge':
      return chromiumSteps(browser);
    case 'firefox':
      return [
        'Recent Firefox versions enable WebGPU on Windows; elsewhere set dom.webgpu.enabled to true in about:config, or use Chrome or Edge.',
      ];
    case 'safari':
      return [
        'Safari 26 and later enable WebGPU; on older versions turn on WebGPU under Develop → Feature Flags, or use Chrome or Edge.',
      ];
    case 'other':
      return ['Use a recent Chrome or Edge on a device with a GPU.'];
  }
}

/**
 * What the visitor can do to run models here, from the probe and the browser: enable or update WebGPU, use
 * another browser, or use the simulated models.
 */
export function explainNoWebGpu(caps: DeviceCapabilities, userAgent: string): WebGpuGuidance {
  const browser = parseUserAgent(userAgent);
  if (!caps.webgpu) {
    return {
      status: 'unavailable',
      title: 'This browser does not offer WebGPU, so local models cannot run here.',
      steps: [...browserSteps(browser), SIMULATED_STEP],
    };
  }
  if (!caps.adapter) {
    return {
      status: 'unavailable',
      title: 'WebGPU is present but found no usable GPU adapter.',
      steps: [
        ...(browser.name === 'chrome' || browser.name === 'edge'
          ? chromiumSteps(browser)
          : browserSteps(browser)),
        SIMULATED_STEP,
      ],
    };
  }
  if (caps.adapter.isFallbackAdapter) {
    return {
      status: 'limited',
      title:
        'WebGPU runs on a software (CPU) adapter here: models will be far too slow to be useful.',
      steps: [
        'Use a device with a GPU, or make sure the browser uses it (hardware acceleration on, driver up to date).',
        SIMULATED_STEP,
      ],
    };
  }
  if (!caps.shaderF16) {
    return {
      status: 'limited',
      title:
        'Your GPU lacks shader-f16: Quorum picks the q4f32 variants of models, which need more memory.',
      steps: [],
    };
  }
  return { status: 'ok', title: 'WebGPU is ready.', steps: [] };
}
