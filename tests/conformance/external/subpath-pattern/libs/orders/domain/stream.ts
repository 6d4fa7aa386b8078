import { map } from 'rxjs/operators';
import { Observable } from 'rxjs';

export const stream = [map, Observable];
