import { type TaskRunError } from "@trigger.dev/core/v3";

export interface RunStore {
  failRun(runId: string, error: TaskRunError): Promise<void>;
}
