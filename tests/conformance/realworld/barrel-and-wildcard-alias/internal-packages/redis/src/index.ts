import { Redis, type RedisOptions } from "ioredis";
import { Logger } from "@trigger.dev/core/logger";

export { Redis, type RedisOptions } from "ioredis";

const logger = new Logger("redis");

export function createRedisClient(options: RedisOptions) {
  logger.log("connecting");
  return new Redis(options);
}
