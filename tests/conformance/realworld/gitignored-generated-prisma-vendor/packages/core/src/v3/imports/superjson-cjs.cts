// Use vendored superjson bundle to avoid ESM/CJS compatibility issues
// See: https://github.com/triggerdotdev/trigger.dev/issues/2937
// @ts-ignore
const superjson = require("../vendor/superjson.cjs");

module.exports.default = superjson;
