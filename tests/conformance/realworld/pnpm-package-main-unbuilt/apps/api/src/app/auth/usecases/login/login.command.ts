export class LoginCommand {
  email: string;
  password: string;
}
