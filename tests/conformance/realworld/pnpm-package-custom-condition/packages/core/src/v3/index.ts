export type TaskRunError = { type: "INTERNAL_ERROR"; code: TaskRunErrorCodes };

export enum TaskRunErrorCodes {
  TASK_RUN_CRASHED = "TASK_RUN_CRASHED",
}
