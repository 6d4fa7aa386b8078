import { CreateAccessDto } from './create-access.dto';
import { UpdateAccessDto } from './update-access.dto';

export { CreateAccessDto, UpdateAccessDto };
