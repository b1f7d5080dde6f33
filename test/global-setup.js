'use strict';
/*
 * jest globalSetup (in .projenrc.ts): one temporary directory for the whole run, removed by
 * test/global-teardown.js. Every `App` without an `outdir` synthesizes into a new directory of
 * os.tmpdir() (`cdk.out*`), and a run of the suite made ~440 of them (~90 MB) that nothing
 * removed. TMPDIR, which os.tmpdir() reads, is set before jest starts its workers, so they inherit
 * it. Plain JavaScript, like the runtime: nothing to transform.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');

module.exports = async function globalSetup() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-platform-monitoring-test-'));
  process.env.PLATFORM_MONITORING_TEST_TMPDIR = root;
  process.env.TMPDIR = root;
};
