import { Injectable } from '@nestjs/common/decorators';
import { TestBed } from '@angular/core/testing';
import { Module } from '@nestjs/common';

export const order = [Injectable, TestBed, Module];
