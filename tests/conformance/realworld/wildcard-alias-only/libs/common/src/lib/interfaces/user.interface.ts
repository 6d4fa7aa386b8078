export interface User {
  id: string;
  permissions: string[];
}
