export class UpdateAccessDto {
  id: string;
}
