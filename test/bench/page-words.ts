// Vocabulary of the generated pages: ordinary review prose, so search over them behaves like search over real pages.

export const WORDS = (
  'model agent inference latency token context window benchmark pricing review panel ship community ' +
  'developer workflow pipeline deploy edge device cloud local offline privacy security compliance team ' +
  'enterprise startup prototype production scale cost budget vendor lock open source license api sdk cli ' +
  'plugin extension editor notebook dashboard analytics evaluation accuracy reasoning coding writing ' +
  'summarize translate search retrieval vector database embedding fine tune quantized memory gpu cpu npu ' +
  'mobile desktop browser web server cluster serverless function tool calling vision audio speech image ' +
  'video music design marketing sales support customer ticket email calendar meeting notes document ' +
  'spreadsheet slide presentation research paper citation legal medical finance education student ' +
  'teacher creator writer designer engineer manager founder reviewer user feedback onboarding setup ' +
  'documentation example tutorial integration webhook automation schedule trigger queue batch stream ' +
  'realtime sync backup export import format schema json markdown latency throughput reliability uptime ' +
  'outage roadmap release changelog beta preview stable mature early promising solid impressive clunky ' +
  'fast slow cheap expensive simple complex flexible rigid polished rough genuinely surprisingly clearly ' +
  'honestly probably rarely often always never still already finally quickly easily carefully the a an ' +
  'and or but with without for from into over under between across after before while because so that ' +
  'this it they we you teams users builders makes keeps turns lets helps needs wants ships runs handles ' +
  'supports replaces beats matches misses lacks adds removes improves breaks fixes saves wastes costs ' +
  'feels looks works scales'
).split(' ');

export const CATEGORIES = [
  'Developer Tools',
  'Writing',
  'Productivity',
  'Research',
  'Design',
  'Marketing',
  'Customer Support',
  'Data & Analytics',
  'Education',
  'Audio & Video',
  'Security',
  'Infrastructure',
];

export const ENTRIES = ['Free', 'Paid', 'Freemium', 'Open source', '$9/mo', '$20/mo', 'Enterprise'];

export const NAME_PARTS = [
  'lumen',
  'vector',
  'quill',
  'forge',
  'pilot',
  'scribe',
  'nova',
  'atlas',
  'echo',
  'prism',
  'relay',
  'cortex',
  'drift',
  'ember',
  'flux',
  'glyph',
  'helix',
  'ion',
  'juno',
  'kite',
  'lattice',
  'mosaic',
  'nimbus',
  'orbit',
  'pulse',
  'quanta',
  'ridge',
  'sage',
  'tide',
  'umbra',
  'vale',
  'wisp',
  'zenith',
  'arc',
  'bolt',
  'canvas',
  'delta',
  'fable',
  'grove',
  'harbor',
];

export const NAME_SUFFIXES = [
  'AI',
  'Labs',
  'Studio',
  'Pro',
  'Cloud',
  'Edge',
  '2',
  'Mini',
  'Agent',
  'LM',
];
