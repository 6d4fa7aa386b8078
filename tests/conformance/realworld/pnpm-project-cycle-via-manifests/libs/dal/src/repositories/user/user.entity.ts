export class UserEntity {
  _id: string;
  email?: string | null;
}
