import fs = require('node:fs');
import helper = require('../lib/helper');
const config = require('../lib/config');

export = { fs, helper, config };
