export const render = () => 'rendered';
