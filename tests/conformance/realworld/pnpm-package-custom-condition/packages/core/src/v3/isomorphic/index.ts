export * from "./friendlyId.js";
