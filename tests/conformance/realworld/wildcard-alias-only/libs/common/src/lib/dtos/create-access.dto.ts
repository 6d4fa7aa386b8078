export class CreateAccessDto {
  alias?: string;
}
