import { readFile } from 'fs';
import { writeFile } from 'node:fs';
import { join } from 'node:path';
import { debounce } from 'lodash';
import { map } from 'lodash/fp';
import { Module } from '@nestjs/common';
import { Injectable } from '@nestjs/common/decorators';
import { TestBed } from '@angular/core/testing';

export const main = [readFile, writeFile, join, debounce, map, Module, Injectable, TestBed];
