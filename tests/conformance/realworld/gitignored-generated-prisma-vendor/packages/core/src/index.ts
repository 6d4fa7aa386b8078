export * from "./v3/imports/superjson.js";
