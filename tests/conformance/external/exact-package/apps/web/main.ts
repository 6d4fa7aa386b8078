import moment from 'moment';
import tz from 'moment-timezone';

export const now = [moment, tz];
