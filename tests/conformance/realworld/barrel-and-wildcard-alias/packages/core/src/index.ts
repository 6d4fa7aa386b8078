export * from "./logger.js";
export * from "./v3/utils/flattenAttributes.js";
