import moment from 'moment';

export const when = moment;
