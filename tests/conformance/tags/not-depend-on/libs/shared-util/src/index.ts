export const shared_util = 'shared-util';
