const { a } = require('../lib/a.js');
const lazy = () => import('../lib/lazy.js');

module.exports = { a, lazy };
