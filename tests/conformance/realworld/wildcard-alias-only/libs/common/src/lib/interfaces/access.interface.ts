export interface Access {
  id: string;
  alias?: string;
}
