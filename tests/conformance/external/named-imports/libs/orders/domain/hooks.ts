import React, { useState, useEffect, useLayoutEffect as layout } from 'react';
import * as ReactAll from 'react';
export { useEffect as effect } from 'react';
import { map } from 'lodash';
import fpMap from 'lodash/fp/map';
import type { User } from '@prisma/client';
import { PrismaClient } from '@prisma/client';

export const hooks = [React, ReactAll, useState, useEffect, layout, map, fpMap, PrismaClient];
export type Owner = User;
