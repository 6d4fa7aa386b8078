// The generated client class is named PrismaClient in BOTH packages; re-export it
// here under a distinct nominal alias so a consumer can import RunOpsPrismaClient
// and @trigger.dev/database's PrismaClient in the same module without a clash.
export { PrismaClient as RunOpsPrismaClient } from "../generated/run-ops/index.js";
