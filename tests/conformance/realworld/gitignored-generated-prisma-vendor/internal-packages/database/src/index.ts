export * from "../generated/prisma";
export * from "./transaction";
