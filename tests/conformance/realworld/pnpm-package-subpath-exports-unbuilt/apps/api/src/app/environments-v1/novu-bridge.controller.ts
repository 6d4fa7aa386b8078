import { Controller, Inject } from '@nestjs/common';
import { NovuClient } from '@novu/framework/nest';

@Controller('/environments')
export class NovuBridgeController {
  constructor(@Inject(NovuClient) private novuHandler: NovuClient) {}
}
