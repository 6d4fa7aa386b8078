/**
 * import { NovuModule } from '@novu/framework/nest';
 */
export class NovuClient {
  handleRequest() {
    return 'ok';
  }
}
