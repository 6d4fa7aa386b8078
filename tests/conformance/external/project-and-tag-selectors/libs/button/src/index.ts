import { DataSource } from 'typeorm';
import { useState } from 'react';

export const button = [DataSource, useState];
