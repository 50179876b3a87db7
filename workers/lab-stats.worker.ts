// The lab's statistics worker: the paired bootstrap and McNemar tests of every mode, off the page's thread.
import { compareWithBest } from '../src/lab/stats/compare.js';
import { LAB_STATS_PROTOCOL_VERSION, type LabStatsApi } from '../src/lab/stats/stats-protocol.js';
import { serve } from './serve.js';

serve<LabStatsApi>({
  name: 'lab statistics',
  version: LAB_STATS_PROTOCOL_VERSION,
  methods: {
    compare: ({ answerers, options }) => compareWithBest(answerers, options),
  },
});
