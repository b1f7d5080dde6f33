'use strict';
/* jest globalTeardown: removes the run's temporary directory (test/global-setup.js). */
const fs = require('fs');
const path = require('path');

module.exports = async function globalTeardown() {
  const root = process.env.PLATFORM_MONITORING_TEST_TMPDIR;
  if (root && path.basename(root).startsWith('cdk-platform-monitoring-test-')) {
    fs.rmSync(root, { recursive: true, force: true });
  }
};
